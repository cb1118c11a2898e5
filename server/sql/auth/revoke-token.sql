-- Revokes token $1 if its user belongs to agency $2 (NULL: any agency, for the secretariat's
-- admins); returns {id} of the token revoked, no row when there was none to revoke.
UPDATE api_tokens t SET revoked_at = now()
FROM users u
WHERE t.id = $1 AND u.id = t.user_id AND t.revoked_at IS NULL AND ($2::bigint IS NULL OR u.agency_id = $2)
RETURNING t.id
