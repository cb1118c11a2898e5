-- Stores the counts and rejections of import $1; returns nothing.
-- $2 rows_read, $3 inserted, $4 updated, $5 unchanged, $6 rejected, $7 rejections (JSON array).
UPDATE imports
SET rows_read = $2, inserted = $3, updated = $4, unchanged = $5, rejected = $6, rejections = $7::jsonb, finished_at = now()
WHERE id = $1
