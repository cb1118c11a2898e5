-- Returns the incidents of tile z=$1 x=$2 y=$3, zoom >= 9, of origin $4 ('local', an ISO3 or NULL = all)
-- (at most the 20,000 newest; attributes + GeoJSON
-- point) for the embedded driver's own MVT encoder.
WITH env AS (
  SELECT ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096), 4326) AS geo
)
SELECT i.id, i.threat, to_char(i.occurred_on, 'YYYY-MM-DD') AS date, i.date_precision, i.source_dataset, i.dead_missing, i.route_family, i.origin_state, i.origin_agency,
       ST_AsGeoJSON(i.geom, 6)::json AS geometry
FROM incidents i, env
WHERE i.geom && env.geo
  AND ($4::text IS NULL OR ($4 = 'local' AND i.origin_instance IS NULL) OR i.origin_state = $4)
ORDER BY i.occurred_on DESC, i.id DESC
LIMIT 20000
