-- Returns the geodesic km of line $1 (GeoJSON) inside zone $2.
WITH r AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS geom)
SELECT COALESCE(sum(ST_Length(ST_Intersection(z.geom, r.geom)::geography)), 0) / 1000 AS km
FROM zones z, r
WHERE z.id = $2 AND z.geom && r.geom
