-- Returns the borders features of tile z=$1 x=$2 y=$3 (attributes + GeoJSON geometry clipped to
-- the tile and its 64/4096 buffer), for the embedded driver's own MVT encoder.
WITH env AS (
  SELECT ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096), 4326) AS geo
)
SELECT b.a_iso3, b.b_iso3, round(b.length_km::numeric, 1)::float8 AS length_km,
       ST_AsGeoJSON(ST_ClipByBox2D(b.geom, env.geo), 6)::json AS geometry
FROM borders b, env
WHERE b.geom && env.geo
