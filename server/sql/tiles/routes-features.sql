-- Returns the routes features of tile z=$1 x=$2 y=$3 (attributes + GeoJSON geometry clipped to
-- the tile and its 64/4096 buffer), for the embedded driver's own MVT encoder.
WITH env AS (
  SELECT ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096), 4326) AS geo
)
SELECT r.id, r.name, r.family, r.kind, r.confidence, r.direction,
       ST_AsGeoJSON(ST_ClipByBox2D(r.geom, env.geo), 6)::json AS geometry
FROM routes r, env
WHERE r.geom && env.geo AND r.deleted_at IS NULL
