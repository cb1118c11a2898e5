-- Returns a page of routes for OGC API Features, as GeoJSON-ready rows ordered by id.
-- $1..$4 bbox (west, south, east, north; NULL = anywhere), $5/$6 a time interval (NULL = open) that
-- the route's period (valid_from..valid_to, NULL = open) must overlap,
-- $7 page size, $8 'next' (ids after $9, NULL = from the start) or 'prev' (ids before $9, last
-- first), $10 family, $11 kind, $12 confidence, $13 threat, $14 status
-- (active, declining, historical) (NULL = any).
(SELECT r.id, r.name, r.family, r.kind, r.threats, r.direction, r.confidence, r.countries, r.props, r.updated_at,
        to_char(r.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(r.valid_to, 'YYYY-MM-DD') AS valid_to, r.status,
        ST_Length(r.geom::geography) / 1000 AS length_km, ST_AsGeoJSON(r.geom, 6)::json AS geometry
 FROM routes r
 WHERE r.deleted_at IS NULL
   AND ($1::float8 IS NULL OR ST_Intersects(r.geom, ST_MakeEnvelope($1, $2, $3, $4, 4326)))
   AND ($5::timestamptz IS NULL OR r.valid_to IS NULL OR r.valid_to >= ($5::timestamptz AT TIME ZONE 'UTC')::date)
   AND ($6::timestamptz IS NULL OR r.valid_from IS NULL OR r.valid_from <= ($6::timestamptz AT TIME ZONE 'UTC')::date)
   AND ($10::text IS NULL OR r.family = $10) AND ($11::text IS NULL OR r.kind = $11)
   AND ($12::text IS NULL OR r.confidence = $12) AND ($13::text IS NULL OR $13 = ANY (r.threats))
   AND ($14::text IS NULL OR r.status = $14)
   AND $8 = 'next' AND ($9::text IS NULL OR r.id > $9)
 ORDER BY r.id LIMIT $7)
UNION ALL
(SELECT r.id, r.name, r.family, r.kind, r.threats, r.direction, r.confidence, r.countries, r.props, r.updated_at,
        to_char(r.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(r.valid_to, 'YYYY-MM-DD') AS valid_to, r.status,
        ST_Length(r.geom::geography) / 1000 AS length_km, ST_AsGeoJSON(r.geom, 6)::json AS geometry
 FROM routes r
 WHERE r.deleted_at IS NULL
   AND ($1::float8 IS NULL OR ST_Intersects(r.geom, ST_MakeEnvelope($1, $2, $3, $4, 4326)))
   AND ($5::timestamptz IS NULL OR r.valid_to IS NULL OR r.valid_to >= ($5::timestamptz AT TIME ZONE 'UTC')::date)
   AND ($6::timestamptz IS NULL OR r.valid_from IS NULL OR r.valid_from <= ($6::timestamptz AT TIME ZONE 'UTC')::date)
   AND ($10::text IS NULL OR r.family = $10) AND ($11::text IS NULL OR r.kind = $11)
   AND ($12::text IS NULL OR r.confidence = $12) AND ($13::text IS NULL OR $13 = ANY (r.threats))
   AND ($14::text IS NULL OR r.status = $14)
   AND $8 = 'prev' AND r.id < $9
 ORDER BY r.id DESC LIMIT $7)
