-- Returns view $1 as {id, params (jsonb of string values), created_at (ISO, UTC)}, or no row.
SELECT id, params, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
FROM views
WHERE id = $1
