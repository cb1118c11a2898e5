-- Upserts the staging table into incidents as dataset $1, import $2, owned by agency $3 (state $4)
-- and shared at $5 with partners $6; returns one row
-- {inserted, updated}. The caller empties the staging table (clear-staging.sql) after each batch. Unchanged rows are left alone (see upsert-batch.sql).
WITH up AS (
  INSERT INTO incidents (source_dataset, source_id, import_id, occurred_on, date_precision, threat, geom,
                         geo_precision, dead, missing, dead_missing, survivors, quantity, route, route_family, attrs,
                         h3_r3, h3_r4, h3_r5, h3_r6, h3_r7, h3_r8, h3_r9,
                         owner_agency, owner_state, sharing, partners)
  SELECT $1, source_id, $2, occurred_on, date_precision, threat, geom, geo_precision, dead, missing, dead_missing,
         survivors, quantity, route, route_family, attrs, h3_r3, h3_r4, h3_r5, h3_r6, h3_r7, h3_r8, h3_r9,
         $3, $4, $5, $6
  FROM incident_staging
  ON CONFLICT (owner_agency, source_dataset, source_id) DO UPDATE SET
    import_id = EXCLUDED.import_id, occurred_on = EXCLUDED.occurred_on, date_precision = EXCLUDED.date_precision,
    threat = EXCLUDED.threat, geom = EXCLUDED.geom, geo_precision = EXCLUDED.geo_precision, dead = EXCLUDED.dead,
    missing = EXCLUDED.missing, dead_missing = EXCLUDED.dead_missing, survivors = EXCLUDED.survivors,
    quantity = EXCLUDED.quantity, route = EXCLUDED.route, route_family = EXCLUDED.route_family, attrs = EXCLUDED.attrs,
    h3_r3 = EXCLUDED.h3_r3, h3_r4 = EXCLUDED.h3_r4, h3_r5 = EXCLUDED.h3_r5, h3_r6 = EXCLUDED.h3_r6,
    h3_r7 = EXCLUDED.h3_r7, h3_r8 = EXCLUDED.h3_r8, h3_r9 = EXCLUDED.h3_r9,
    sharing = EXCLUDED.sharing, partners = EXCLUDED.partners
  WHERE (incidents.occurred_on, incidents.date_precision, incidents.threat, incidents.geo_precision, incidents.dead,
         incidents.missing, incidents.dead_missing, incidents.survivors, incidents.quantity, incidents.route,
         incidents.route_family, incidents.attrs, ST_AsBinary(incidents.geom), incidents.sharing, incidents.partners)
        IS DISTINCT FROM
        (EXCLUDED.occurred_on, EXCLUDED.date_precision, EXCLUDED.threat, EXCLUDED.geo_precision, EXCLUDED.dead,
         EXCLUDED.missing, EXCLUDED.dead_missing, EXCLUDED.survivors, EXCLUDED.quantity, EXCLUDED.route,
         EXCLUDED.route_family, EXCLUDED.attrs, ST_AsBinary(EXCLUDED.geom), EXCLUDED.sharing, EXCLUDED.partners)
  RETURNING (xmax = 0) AS fresh
)
SELECT count(*) FILTER (WHERE fresh)::int AS inserted, count(*) FILTER (WHERE NOT fresh)::int AS updated FROM up
