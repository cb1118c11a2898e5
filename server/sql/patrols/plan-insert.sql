-- Saves a plan (name $1, request $2 and result $3 as JSON text) and returns {id, created_at (ISO, UTC)}.
INSERT INTO patrol_plans (name, request, result)
VALUES ($1, $2::jsonb, $3::jsonb)
RETURNING id::int AS id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
