-- Every sequence of the service's schema (identity and serial ones included, PostGIS's left
-- out): its quoted name, the value it last gave (NULL if never used) and where it starts.
SELECT s.sequencename AS name, format('%I.%I', s.schemaname, s.sequencename) AS quoted,
       s.last_value::text AS last_value, s.start_value::text AS start_value
FROM pg_sequences s JOIN pg_class c ON c.relname = s.sequencename JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = s.schemaname
WHERE s.schemaname = current_schema()
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY s.sequencename
