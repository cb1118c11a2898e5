-- Merges import records (metadata) of a bundle: $1 JSON array of import lines, $2 JSON object
-- "agency|state" -> local agency id. Keyed by (origin instance, origin id); a newer version
-- replaces an older one, an older one is ignored. Returns {inserted, updated}.
WITH up AS (
  INSERT INTO imports (file_name, format, source_dataset, checksum, strict, status, rows_read, inserted, updated, unchanged, rejected,
                       started_at, finished_at, owner_agency, owner_state, sharing, partners,
                       origin_instance, origin_id, origin_version, origin_state, origin_agency)
  SELECT r->>'file_name', r->>'format', r->>'dataset', r->>'checksum', false, 'completed',
         (r->>'rows_read')::int, (r->>'inserted')::int, (r->>'updated')::int, (r->>'unchanged')::int, (r->>'rejected')::int,
         (r->>'started_at')::timestamptz, (r->>'finished_at')::timestamptz,
         ($2::jsonb ->> ((r->>'agency') || '|' || (r->>'state')))::bigint, r->>'state', r->>'sharing',
         ARRAY(SELECT jsonb_array_elements_text(r->'partners')),
         r->>'o', r->>'id', (r->>'v')::bigint, r->>'state', r->>'agency'
  FROM jsonb_array_elements($1::jsonb) AS r
  ON CONFLICT (origin_instance, origin_id) WHERE origin_instance IS NOT NULL DO UPDATE SET
    file_name = EXCLUDED.file_name, rows_read = EXCLUDED.rows_read, inserted = EXCLUDED.inserted, updated = EXCLUDED.updated,
    unchanged = EXCLUDED.unchanged, rejected = EXCLUDED.rejected, finished_at = EXCLUDED.finished_at,
    sharing = EXCLUDED.sharing, partners = EXCLUDED.partners, origin_version = EXCLUDED.origin_version
  WHERE imports.origin_version < EXCLUDED.origin_version
  RETURNING (xmax = 0) AS fresh
)
SELECT count(*) FILTER (WHERE fresh)::int AS inserted, count(*) FILTER (WHERE NOT fresh)::int AS updated FROM up
