-- Returns the id of the most recently saved plan the reader may see, or no row.
SELECT id::int AS id
FROM patrol_plans
ORDER BY created_at DESC, id DESC
LIMIT 1
