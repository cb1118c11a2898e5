-- Applies incident tombstones ($1: JSON array of {o, id, v, source_id}): deletes the rows they
-- name whose version is older (the delete trigger leaves a tombstone here in turn, so the
-- deletion travels on). Plain DELETE, so row triggers fire. Returns {deleted}.
WITH gone AS (
  DELETE FROM incidents i
  USING jsonb_array_elements($1::jsonb) AS r
  WHERE i.origin_instance = r->>'o' AND i.source_id = r->>'source_id' AND i.origin_id = r->>'id'
    AND i.origin_version < (r->>'v')::bigint
  RETURNING 1
)
SELECT count(*)::int AS deleted FROM gone
