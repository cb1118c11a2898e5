-- Returns the routes features of tile z=$1 x=$2 y=$3 (attributes + GeoJSON geometry clipped to
-- the tile and its 64/4096 buffer), for the embedded driver's own MVT encoder: one feature per
-- leg (route_legs, migration 016) with `leg` track, schematic or sea, as routes-mvt.sql; only routes whose period
-- overlaps [$4, $5] (dates, NULL = open).
WITH env AS (
  SELECT ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096), 4326) AS geo
)
SELECT r.id, r.name, r.family, r.kind, r.confidence, r.direction, r.status,
       coalesce(to_char(r.valid_from, 'YYYY-MM-DD'), '') AS valid_from,
       coalesce(to_char(r.valid_to, 'YYYY-MM-DD'), '') AS valid_to,
       seg.leg,
       ST_AsGeoJSON(ST_ClipByBox2D(seg.geom, env.geo), 6)::json AS geometry
FROM routes r
CROSS JOIN env
CROSS JOIN LATERAL route_legs(r.geom, r.props) AS seg
WHERE r.geom && env.geo AND r.deleted_at IS NULL AND seg.geom && env.geo
  AND ($4::date IS NULL OR r.valid_to IS NULL OR r.valid_to >= $4::date)
  AND ($5::date IS NULL OR r.valid_from IS NULL OR r.valid_from <= $5::date)
