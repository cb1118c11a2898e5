-- The indexes of table $1 (a quoted name) that back no constraint, with the statement that makes
-- each: restore drops them before loading and builds them after, as pg_restore does (one sort
-- instead of one insertion per row; a unique one checks the loaded rows when it is rebuilt).
SELECT format('%I.%I', n.nspname, ic.relname) AS quoted, pg_get_indexdef(i.indexrelid) AS definition
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_namespace n ON n.oid = ic.relnamespace
WHERE i.indrelid = $1::regclass
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
ORDER BY ic.relname
