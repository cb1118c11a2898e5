-- Returns the API tokens of user $1 {id, label, created_at, expires_at, revoked_at}, newest first;
-- never the hash, and not the web sessions.
SELECT id, label, created_at, expires_at, revoked_at FROM api_tokens WHERE user_id = $1 AND kind = 'api' ORDER BY id DESC
