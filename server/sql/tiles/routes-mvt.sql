-- Returns one row, tile: the routes layer of tile z=$1 x=$2 y=$3 as a Mapbox Vector Tile
-- (bytea, extent 4096, buffer 64); empty when nothing falls in the tile. PostGIS server only.
WITH env AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS merc,
         ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096), 4326) AS geo
)
SELECT ST_AsMVT(t, 'routes', 4096, 'geom') AS tile
FROM (
  SELECT r.id, r.name, r.family, r.kind, r.confidence, r.direction,
         ST_AsMVTGeom(ST_Transform(r.geom, 3857), env.merc, 4096, 64, true) AS geom
  FROM routes r, env
  WHERE r.geom && env.geo AND r.deleted_at IS NULL
) AS t
WHERE t.geom IS NOT NULL
