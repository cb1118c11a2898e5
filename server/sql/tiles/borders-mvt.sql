-- Returns one row, tile: the borders layer of tile z=$1 x=$2 y=$3 as a Mapbox Vector Tile
-- (bytea, extent 4096, buffer 64); empty when nothing falls in the tile. PostGIS server only.
WITH env AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS merc,
         ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096), 4326) AS geo
)
SELECT ST_AsMVT(t, 'borders', 4096, 'geom') AS tile
FROM (
  SELECT b.a_iso3, b.b_iso3, round(b.length_km::numeric, 1)::float8 AS length_km,
         ST_AsMVTGeom(ST_Transform(b.geom, 3857), env.merc, 4096, 64, true) AS geom
  FROM borders b, env
  WHERE b.geom && env.geo
) AS t
WHERE t.geom IS NOT NULL
