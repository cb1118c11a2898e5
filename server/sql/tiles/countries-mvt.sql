-- Returns one row, tile: the countries layer of tile z=$1 x=$2 y=$3 as a Mapbox Vector Tile
-- (bytea, extent 4096, buffer 64); empty when nothing falls in the tile. PostGIS server only.
WITH env AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS merc,
         ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096), 4326) AS geo
)
SELECT ST_AsMVT(t, 'countries', 4096, 'geom') AS tile
FROM (
  SELECT c.iso3, c.name_en, c.name_fr, c.name_ar, c.member,
         ST_AsMVTGeom(ST_Transform(c.geom_display, 3857), env.merc, 4096, 64, true) AS geom
  FROM countries c, env
  WHERE c.geom_display && env.geo
) AS t
WHERE t.geom IS NOT NULL
