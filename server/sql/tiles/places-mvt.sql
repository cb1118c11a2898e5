-- Returns one row, tile: the places layer of tile z=$1 x=$2 y=$3 as a Mapbox Vector Tile
-- (bytea, extent 4096, buffer 64); empty when nothing falls in the tile. PostGIS server only.
WITH env AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS merc,
         ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096), 4326) AS geo
)
SELECT ST_AsMVT(t, 'places', 4096, 'geom') AS tile
FROM (
  SELECT p.id, p.name, p.iso3, p.rank, p.source,
         -- the common English name for GeoNames places the hubs file gives one (Al Jawf: Kufra)
         CASE WHEN p.source = 'geonames' AND cardinality(p.alt_names) > 0 THEN p.alt_names[1] ELSE p.name END AS label,
         ST_AsMVTGeom(ST_Transform(p.geom, 3857), env.merc, 4096, 64, true) AS geom
  FROM places p, env
  WHERE p.geom && env.geo
    -- capitals from z0, waypoints and desert hubs from z3, every town from z6
    AND p.rank <= CASE WHEN $1 < 3 THEN 0 WHEN $1 < 6 THEN 1 ELSE 2 END
) AS t
WHERE t.geom IS NOT NULL
