-- Returns the user behind a live token or session (SHA-256 $1): not revoked, not expired, and its
-- user neither revoked nor expired; no row otherwise. One row {token_id, kind, user_id, username,
-- role, agency_id, agency_name, state}.
SELECT t.id AS token_id, t.kind, u.id AS user_id, u.username, u.role, a.id AS agency_id, a.name AS agency_name, a.state_iso3 AS state
FROM api_tokens t
JOIN users u ON u.id = t.user_id
JOIN agencies a ON a.id = u.agency_id
WHERE t.token_hash = $1
  AND t.revoked_at IS NULL AND t.expires_at > now()
  AND u.revoked_at IS NULL AND (u.expires_at IS NULL OR u.expires_at > now())
