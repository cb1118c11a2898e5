-- The service schema's materialized views (quoted names), refreshed after a restore loads the
-- tables they are computed from.
SELECT format('%I.%I', n.nspname, c.relname) AS quoted
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind = 'm'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY c.relname
