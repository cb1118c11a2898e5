-- Revokes the API tokens issued for a removed partner's pulls: those of user $2 (exchange.<name>,
-- made by partner add --issue-token) of agency $1. Returns {id} of each token revoked.
UPDATE api_tokens t SET revoked_at = now()
FROM users u
WHERE u.id = t.user_id AND u.agency_id = $1 AND u.username = $2 AND t.revoked_at IS NULL
RETURNING t.id
