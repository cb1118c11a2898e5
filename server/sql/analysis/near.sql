-- Returns catalogue routes within $3 km (geodesic) of the point ($1 lng, $2 lat), nearest first:
-- id, name, family, kind, distance in km and GeoJSON geometry.
WITH p AS (SELECT ST_SetSRID(ST_MakePoint($1, $2), 4326) AS geom)
SELECT r.id, r.name, r.family, r.kind, ST_Distance(r.geom::geography, p.geom::geography) / 1000 AS distance_km,
       ST_AsGeoJSON(r.geom, 6)::json AS geometry
FROM routes r, p
WHERE r.deleted_at IS NULL AND ST_DWithin(r.geom::geography, p.geom::geography, $3::float8 * 1000)
ORDER BY distance_km, r.id
