-- Returns the places features of tile z=$1 x=$2 y=$3 (attributes + GeoJSON geometry clipped to
-- the tile and its 64/4096 buffer), for the embedded driver's own MVT encoder.
WITH env AS (
  SELECT ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096), 4326) AS geo
)
SELECT p.id, p.name, p.iso3, p.rank, p.source,
         -- the common English name for GeoNames places the hubs file gives one (Al Jawf: Kufra)
         CASE WHEN p.source = 'geonames' AND cardinality(p.alt_names) > 0 THEN p.alt_names[1] ELSE p.name END AS label,
       ST_AsGeoJSON(ST_ClipByBox2D(p.geom, env.geo), 6)::json AS geometry
FROM places p, env
WHERE p.geom && env.geo
    -- capitals from z0, waypoints and desert hubs from z3, every town from z6
    AND p.rank <= CASE WHEN $1 < 3 THEN 0 WHEN $1 < 6 THEN 1 ELSE 2 END
