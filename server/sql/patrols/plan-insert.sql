-- Saves a plan (name $1, request $2 and result $3 as JSON text), owned by agency $4 (state $5) and
-- shared at $6 with partners $7; returns {id, created_at (ISO, UTC)}.
INSERT INTO patrol_plans (name, request, result, owner_agency, owner_state, sharing, partners)
VALUES ($1, $2::jsonb, $3::jsonb, $4, $5, $6, $7)
RETURNING id::int AS id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
