-- Every table of the service's schema that the migrations made (not PostGIS's own, not
-- partitions): name, quoted name, columns in order (generated ones left out), the ORDER BY that
-- makes its COPY text canonical (primary key, text in "C" collation so both drivers agree; the
-- whole row as text without one), the other tables its foreign keys reference, whether it has
-- row-level security, and whether the request role may read it.
SELECT c.relname AS name,
       format('%I.%I', n.nspname, c.relname) AS quoted,
       (SELECT json_agg(json_build_object('name', a.attname, 'quoted', quote_ident(a.attname), 'type', format_type(a.atttypid, a.atttypmod)) ORDER BY a.attnum)
          FROM pg_attribute a
         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns,
       coalesce((SELECT string_agg(quote_ident(a.attname) || CASE WHEN a.attcollation <> 0 THEN ' COLLATE "C"' ELSE '' END, ', ' ORDER BY array_position(i.indkey::int2[], a.attnum))
                   FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey::int2[])
                  WHERE i.indrelid = c.oid AND i.indisprimary), 't::text COLLATE "C"') AS order_by,
       ARRAY(SELECT DISTINCT r.relname::text FROM pg_constraint f JOIN pg_class r ON r.oid = f.confrelid
              WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.confrelid <> c.oid) AS refs,
       c.relrowsecurity AS row_security,
       -- before migration 007 there is no request role: nothing is shared
       CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sahel_request') THEN has_table_privilege('sahel_request', c.oid, 'SELECT') ELSE false END AS request_readable
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY c.relname
