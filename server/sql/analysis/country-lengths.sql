-- Returns, for each country that line $1 (GeoJSON) crosses, the geodesic km of the line inside
-- it: (iso3, name_en, km). Uses the 1:10m analysis shapes.
WITH r AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS geom)
SELECT c.iso3, c.name_en, ST_Length(ST_Intersection(c.geom, r.geom)::geography) / 1000 AS km
FROM countries c, r
WHERE c.geom && r.geom AND ST_Intersects(c.geom, r.geom)
