-- Returns one row, tile: the routes layer of tile z=$1 x=$2 y=$3 as a Mapbox Vector Tile
-- (bytea, extent 4096, buffer 64); empty when nothing falls in the tile. PostGIS server only.
-- One feature per leg (route_legs, migration 016: vertex ranges of the line), with `leg` track,
-- schematic or sea, so a schematic leg is never drawn solid; a route without segments (drawn by
-- an analyst) is one schematic feature. Only routes whose period overlaps [$4, $5] (dates,
-- NULL = open); valid_from/valid_to are '' when open.
WITH env AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS merc,
         ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096), 4326) AS geo
)
SELECT ST_AsMVT(t, 'routes', 4096, 'geom') AS tile
FROM (
  SELECT r.id, r.name, r.family, r.kind, r.confidence, r.direction, r.status,
         coalesce(to_char(r.valid_from, 'YYYY-MM-DD'), '') AS valid_from,
         coalesce(to_char(r.valid_to, 'YYYY-MM-DD'), '') AS valid_to,
         seg.leg,
         ST_AsMVTGeom(ST_Transform(seg.geom, 3857), env.merc, 4096, 64, true) AS geom
  FROM routes r
  CROSS JOIN env
  CROSS JOIN LATERAL route_legs(r.geom, r.props) AS seg
  WHERE r.geom && env.geo AND r.deleted_at IS NULL AND seg.geom && env.geo
    AND ($4::date IS NULL OR r.valid_to IS NULL OR r.valid_to >= $4::date)
    AND ($5::date IS NULL OR r.valid_from IS NULL OR r.valid_from <= $5::date)
) AS t
WHERE t.geom IS NOT NULL
