-- Returns the active user named $1 with its password hash, for a web login; no row when the user
-- does not exist, is revoked or expired. One row {id, password_hash}.
SELECT id, password_hash
FROM users
WHERE username = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
