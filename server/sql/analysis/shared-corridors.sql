-- Returns catalogue routes other than $3 that run inside corridor $1 (GeoJSON polygon) for at
-- least $2 km: id, name, family, kind, the geodesic overlap in km and the overlapping parts.
WITH c AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS geom),
o AS (
  SELECT r.id, r.name, r.family, r.kind, ST_Intersection(r.geom, c.geom) AS part
  FROM routes r, c
  WHERE r.deleted_at IS NULL AND r.id IS DISTINCT FROM $3
    AND r.geom && c.geom AND ST_Intersects(r.geom, c.geom)
)
SELECT id, name, family, kind, ST_Length(part::geography) / 1000 AS overlap_km, ST_AsGeoJSON(part, 6)::json AS geometry
FROM o
WHERE ST_Length(part::geography) / 1000 >= $2
ORDER BY overlap_km DESC, id
