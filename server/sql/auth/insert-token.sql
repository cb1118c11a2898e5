-- Stores a new token or session of user $1: kind $2 (api | session), SHA-256 $3, label $4, expiry
-- $5; returns {id, expires_at}.
INSERT INTO api_tokens (user_id, kind, token_hash, label, expires_at)
VALUES ($1, $2, $3, $4, $5)
RETURNING id, expires_at
