-- Returns the zone $1 with its GeoJSON geometry and geodesic area in km², or no row.
SELECT id, name, definition, ST_AsGeoJSON(geom, 5)::json AS geometry, ST_Area(geom::geography) / 1e6 AS area_km2
FROM zones
WHERE id = $1
