-- Returns one row, tile: the hotspots layer of tile z=$1 x=$2 y=$3 as a Mapbox Vector Tile
-- (bytea, extent 4096, buffer 64) from $4, a JSON array of {h3, value, n, geometry (GeoJSON
-- hexagon from h3-js)}: there is no h3 extension, so the cells are aggregated and drawn first
-- (sql/hotspots/cells.sql, geo/h3) and only encoded here. PostGIS server only.
WITH env AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS merc
)
SELECT ST_AsMVT(t, 'hotspots', 4096, 'geom') AS tile
FROM (
  SELECT c->>'h3' AS h3, (c->>'value')::float8 AS value, (c->>'n')::int AS n,
         ST_AsMVTGeom(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(c->'geometry'), 4326), 3857), env.merc, 4096, 64, true) AS geom
  FROM json_array_elements($4::json) AS c, env
) AS t
WHERE t.geom IS NOT NULL
