-- Returns the countries features of tile z=$1 x=$2 y=$3 (attributes + GeoJSON geometry clipped to
-- the tile and its 64/4096 buffer), for the embedded driver's own MVT encoder.
WITH env AS (
  SELECT ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096), 4326) AS geo
)
SELECT c.iso3, c.name_en, c.name_fr, c.name_ar, c.member,
       ST_AsGeoJSON(ST_ClipByBox2D(c.geom_display, env.geo), 6)::json AS geometry
FROM countries c, env
WHERE c.geom_display && env.geo
