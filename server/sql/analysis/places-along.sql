-- Returns places within $2 km (geodesic) of line $1 (GeoJSON) with their distance in km. $3 is a
-- planar margin in degrees, at least $2 km everywhere on the line, so the index can pre-filter.
WITH r AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS geom)
SELECT p.id, p.name, p.iso3, p.rank, p.source, ST_X(p.geom) AS lng, ST_Y(p.geom) AS lat,
       ST_Distance(p.geom::geography, r.geom::geography) / 1000 AS distance_km
FROM places p, r
WHERE ST_DWithin(p.geom, r.geom, $3)
  AND ST_DWithin(p.geom::geography, r.geom::geography, $2::float8 * 1000)
