-- Ends the session whose secret hashes to $1 (logout); returns nothing.
UPDATE api_tokens SET revoked_at = now() WHERE token_hash = $1 AND kind = 'session' AND revoked_at IS NULL
