-- Returns one row, tile: the incidents layer of tile z=$1 x=$2 y=$3 (zoom >= 9) as a Mapbox Vector Tile
-- (bytea, extent 4096, buffer 64) of origin $4 ('local', an ISO3 or NULL = all), at most the 20,000
-- newest incidents of the tile; empty when
-- none. PostGIS server only.
WITH env AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS merc,
         ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096), 4326) AS geo
)
SELECT ST_AsMVT(t, 'incidents', 4096, 'geom') AS tile
FROM (
  SELECT i.id, i.threat, to_char(i.occurred_on, 'YYYY-MM-DD') AS date, i.date_precision, i.source_dataset, i.dead_missing, i.route_family, i.origin_state, i.origin_agency,
         ST_AsMVTGeom(ST_Transform(i.geom, 3857), env.merc, 4096, 64, true) AS geom
  FROM incidents i, env
  WHERE i.geom && env.geo
    AND ($4::text IS NULL OR ($4 = 'local' AND i.origin_instance IS NULL) OR i.origin_state = $4)
  ORDER BY i.occurred_on DESC, i.id DESC
  LIMIT 20000
) AS t
WHERE t.geom IS NOT NULL
