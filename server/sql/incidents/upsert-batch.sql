-- Upserts a batch of incidents of dataset $3 from import $2, owned by agency $4 (state $5) and
-- shared at $6 with partners $7; returns one row {inserted, updated}.
-- $1 is a JSON array of arrays: [source_id, occurred_on, date_precision, threat, lng, lat,
-- geo_precision, dead, missing, dead_missing, survivors, quantity, route, route_family, attrs,
-- h3_r3, h3_r4, h3_r5, h3_r6, h3_r7, h3_r8, h3_r9] (cells as decimal text). A row whose
-- (owner_agency, source_dataset, source_id) exists is updated only when something changed.
WITH up AS (
  INSERT INTO incidents (source_dataset, source_id, import_id, occurred_on, date_precision, threat, geom,
                         geo_precision, dead, missing, dead_missing, survivors, quantity, route, route_family, attrs,
                         h3_r3, h3_r4, h3_r5, h3_r6, h3_r7, h3_r8, h3_r9,
                         owner_agency, owner_state, sharing, partners)
  SELECT $3, r->>0, $2, (r->>1)::date, r->>2, r->>3,
         ST_SetSRID(ST_MakePoint((r->>4)::float8, (r->>5)::float8), 4326),
         (r->>6)::smallint, (r->>7)::int, (r->>8)::int, (r->>9)::int, (r->>10)::int, (r->>11)::float8,
         r->>12, r->>13, (r->14)::jsonb,
         (r->>15)::bigint, (r->>16)::bigint, (r->>17)::bigint, (r->>18)::bigint, (r->>19)::bigint, (r->>20)::bigint, (r->>21)::bigint,
         $4, $5, $6, $7
  FROM json_array_elements($1::json) AS r
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
