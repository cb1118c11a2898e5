-- Merges the staged incidents of a bundle (create-incident-staging.sql) into incidents in one
-- statement, for origins already held here and new ones alike; returns {inserted, updated}.
-- Keyed by (origin instance, source id, origin id): a newer version replaces an older one, an
-- older or equal one is ignored, and a version a tombstone here already deleted stays deleted.
-- Sharing and partners are kept exactly. One INSERT ... ON CONFLICT DO UPDATE over the whole
-- bundle, so row triggers fire and the cell rollup's statement trigger runs once, not per batch.
-- A record the statement would write twice (in the bundle twice) fails it (21000): the bundle is refused.
WITH up AS (
  INSERT INTO incidents (source_dataset, source_id, import_id, occurred_on, date_precision, threat, geom,
                         geo_precision, dead, missing, dead_missing, survivors, quantity, route, route_family, attrs,
                         h3_r3, h3_r4, h3_r5, h3_r6, h3_r7, h3_r8, h3_r9,
                         owner_agency, owner_state, sharing, partners,
                         origin_instance, origin_id, origin_version, origin_state, origin_agency)
  SELECT s.source_dataset, s.source_id, s.import_id, s.occurred_on, s.date_precision, s.threat, s.geom,
         s.geo_precision, s.dead, s.missing, s.dead_missing, s.survivors, s.quantity, s.route, s.route_family, s.attrs,
         s.h3_r3, s.h3_r4, s.h3_r5, s.h3_r6, s.h3_r7, s.h3_r8, s.h3_r9,
         s.owner_agency, s.owner_state, s.sharing, s.partners,
         s.origin_instance, s.origin_id, s.origin_version, s.origin_state, s.origin_agency
  FROM incident_merge_staging s
  WHERE NOT EXISTS (SELECT 1 FROM exchange_tombstones t
                    WHERE t.origin_instance = s.origin_instance AND t.origin_id = s.origin_id AND t.kind = 'incident'
                      AND t.origin_version > s.origin_version)
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
