-- Merges incidents of a bundle: $1 JSON array of incident lines, $2 JSON object "agency|state" ->
-- local agency id, $3 the local import record of this bundle (for incidents whose origin import
-- is not here). Keyed by (origin instance, source id, origin id): a newer version replaces an
-- older one, an older or equal one is ignored, and a version a tombstone here already deleted
-- stays deleted. Sharing and partners are kept exactly. Plain INSERT ... ON CONFLICT DO UPDATE,
-- so row triggers on incidents fire (the cell rollup's once per statement). The one statement for
-- every batch: incidents of an origin not held here yet find no tombstone and no conflict, through
-- the same two indexes (the server driver COPYs those instead: copy-incidents.sql). Returns
-- {inserted, updated}.
WITH input AS (
  SELECT r, m.id AS import_id
  FROM jsonb_array_elements($1::jsonb) AS r
  LEFT JOIN imports m ON m.origin_instance = r->>'o' AND m.origin_id = r->>'imp'
  WHERE NOT EXISTS (SELECT 1 FROM exchange_tombstones t
                    WHERE t.origin_instance = r->>'o' AND t.origin_id = r->>'id' AND t.kind = 'incident'
                      AND t.origin_version > (r->>'v')::bigint)
),
up AS (
  INSERT INTO incidents (source_dataset, source_id, import_id, occurred_on, date_precision, threat, geom,
                         geo_precision, dead, missing, dead_missing, survivors, quantity, route, route_family, attrs,
                         h3_r3, h3_r4, h3_r5, h3_r6, h3_r7, h3_r8, h3_r9,
                         owner_agency, owner_state, sharing, partners,
                         origin_instance, origin_id, origin_version, origin_state, origin_agency)
  SELECT r->>'dataset', r->>'source_id', coalesce(import_id, $3),
         (r->>'date')::date, r->>'date_precision', r->>'threat',
         ST_SetSRID(ST_MakePoint((r->>'lng')::float8, (r->>'lat')::float8), 4326),
         (r->>'geo_precision')::smallint, (r->>'dead')::int, (r->>'missing')::int, (r->>'dead_missing')::int,
         (r->>'survivors')::int, (r->>'quantity')::float8, r->>'route', r->>'route_family', (r->'attrs')::jsonb,
         (r->'h3'->>0)::bigint, (r->'h3'->>1)::bigint, (r->'h3'->>2)::bigint, (r->'h3'->>3)::bigint,
         (r->'h3'->>4)::bigint, (r->'h3'->>5)::bigint, (r->'h3'->>6)::bigint,
         ($2::jsonb ->> ((r->>'agency') || '|' || (r->>'state')))::bigint, r->>'state', r->>'sharing',
         ARRAY(SELECT jsonb_array_elements_text(r->'partners')),
         r->>'o', r->>'id', (r->>'v')::bigint, r->>'state', r->>'agency'
  FROM input
  ON CONFLICT (origin_instance, source_id, origin_id) WHERE origin_instance IS NOT NULL DO UPDATE SET
    import_id = EXCLUDED.import_id, occurred_on = EXCLUDED.occurred_on, date_precision = EXCLUDED.date_precision,
    threat = EXCLUDED.threat, geom = EXCLUDED.geom, geo_precision = EXCLUDED.geo_precision, dead = EXCLUDED.dead,
    missing = EXCLUDED.missing, dead_missing = EXCLUDED.dead_missing, survivors = EXCLUDED.survivors,
    quantity = EXCLUDED.quantity, route = EXCLUDED.route, route_family = EXCLUDED.route_family, attrs = EXCLUDED.attrs,
    h3_r3 = EXCLUDED.h3_r3, h3_r4 = EXCLUDED.h3_r4, h3_r5 = EXCLUDED.h3_r5, h3_r6 = EXCLUDED.h3_r6,
    h3_r7 = EXCLUDED.h3_r7, h3_r8 = EXCLUDED.h3_r8, h3_r9 = EXCLUDED.h3_r9,
    sharing = EXCLUDED.sharing, partners = EXCLUDED.partners, origin_version = EXCLUDED.origin_version,
    origin_state = EXCLUDED.origin_state, origin_agency = EXCLUDED.origin_agency
  WHERE incidents.origin_version < EXCLUDED.origin_version
  RETURNING (xmax = 0) AS fresh
)
SELECT count(*) FILTER (WHERE fresh)::int AS inserted, count(*) FILTER (WHERE NOT fresh)::int AS updated FROM up
