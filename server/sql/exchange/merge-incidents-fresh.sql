-- Inserts incidents of a bundle from origin instances of which this instance holds no incident
-- yet (nothing can conflict, and nothing of theirs was deleted here): $1 JSON array of incident
-- lines, $2 JSON object "agency|state" -> local agency id, $3 the local import record of this
-- bundle. Plain INSERT, so row triggers on incidents fire. Returns {inserted, updated}.
WITH up AS (
  INSERT INTO incidents (source_dataset, source_id, import_id, occurred_on, date_precision, threat, geom,
                         geo_precision, dead, missing, dead_missing, survivors, quantity, route, route_family, attrs,
                         h3_r3, h3_r4, h3_r5, h3_r6, h3_r7, h3_r8, h3_r9,
                         owner_agency, owner_state, sharing, partners,
                         origin_instance, origin_id, origin_version, origin_state, origin_agency)
  SELECT r->>'dataset', r->>'source_id',
         coalesce((SELECT m.id FROM imports m WHERE m.origin_instance = r->>'o' AND m.origin_id = r->>'imp'), $3),
         (r->>'date')::date, r->>'date_precision', r->>'threat',
         ST_SetSRID(ST_MakePoint((r->>'lng')::float8, (r->>'lat')::float8), 4326),
         (r->>'geo_precision')::smallint, (r->>'dead')::int, (r->>'missing')::int, (r->>'dead_missing')::int,
         (r->>'survivors')::int, (r->>'quantity')::float8, r->>'route', r->>'route_family', (r->'attrs')::jsonb,
         (r->'h3'->>0)::bigint, (r->'h3'->>1)::bigint, (r->'h3'->>2)::bigint, (r->'h3'->>3)::bigint,
         (r->'h3'->>4)::bigint, (r->'h3'->>5)::bigint, (r->'h3'->>6)::bigint,
         ($2::jsonb ->> ((r->>'agency') || '|' || (r->>'state')))::bigint, r->>'state', r->>'sharing',
         ARRAY(SELECT jsonb_array_elements_text(r->'partners')),
         r->>'o', r->>'id', (r->>'v')::bigint, r->>'state', r->>'agency'
  FROM jsonb_array_elements($1::jsonb) AS r
  RETURNING 1
)
SELECT count(*)::int AS inserted, 0 AS updated FROM up
