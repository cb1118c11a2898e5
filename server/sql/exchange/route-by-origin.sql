-- Returns the local route received as (origin instance $1, origin id $2) {id, origin_version, deleted}, or no row.
SELECT id, origin_version, deleted_at IS NOT NULL AS deleted FROM routes WHERE origin_instance = $1 AND origin_id = $2
