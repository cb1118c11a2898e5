-- Marks route $1 deleted (the row and all its versions stay), bumping its version; returns its
-- id and new version, or no row when it does not exist or is already deleted.
UPDATE routes SET deleted_at = now(), version = version + 1, edited = true, updated_at = now()
WHERE id = $1 AND deleted_at IS NULL
RETURNING id, version
