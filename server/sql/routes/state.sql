-- Returns (version, deleted) of route $1 whether deleted or not, locking the row; no row if the id was never used.
SELECT version, deleted_at IS NOT NULL AS deleted FROM routes WHERE id = $1 FOR UPDATE
