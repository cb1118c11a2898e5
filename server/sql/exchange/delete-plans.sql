-- Applies plan tombstones ($1: JSON array of {o, id, v}); returns {deleted}.
WITH gone AS (
  DELETE FROM patrol_plans p
  USING jsonb_array_elements($1::jsonb) AS r
  WHERE p.origin_instance = r->>'o' AND p.origin_id = r->>'id' AND p.origin_version < (r->>'v')::bigint
  RETURNING 1
)
SELECT count(*)::int AS deleted FROM gone
