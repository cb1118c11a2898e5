-- Saves view $1 with params $2 (jsonb text); returns {id, created_at (ISO, UTC)}, or no row when
-- the id is already taken (the caller draws another).
INSERT INTO views (id, params)
VALUES ($1, $2::jsonb)
ON CONFLICT (id) DO NOTHING
RETURNING id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
