-- Returns the saved plan $1 as {id, name, request, result, created_at (ISO, UTC), owner_agency,
-- sharing, partners, origin_state, origin_agency (NULL when made here)}, or no row.
SELECT id::int AS id, name, request, result, owner_agency::int AS owner_agency, sharing, partners, origin_state, origin_agency, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
FROM patrol_plans
WHERE id = $1
