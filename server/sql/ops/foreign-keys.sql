-- Every foreign key of the service's schema: its table, name and definition. Restore drops them
-- before loading and adds them back after, as pg_restore does: one validating join per key
-- instead of one lookup per loaded row.
SELECT format('%I.%I', n.nspname, c.relname) AS table_quoted, quote_ident(con.conname) AS name, pg_get_constraintdef(con.oid) AS definition
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE con.contype = 'f' AND n.nspname = current_schema()
ORDER BY c.relname, con.conname
