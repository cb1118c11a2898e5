-- Applies a route tombstone: marks the route received as (origin instance $1, origin id $2)
-- deleted when its version is below $3; returns its id, or no row.
UPDATE routes SET deleted_at = now(), version = version + 1, updated_at = now()
WHERE origin_instance = $1 AND origin_id = $2 AND origin_version < $3 AND deleted_at IS NULL
RETURNING id
