-- Returns every version of route $1, newest first, with its GeoJSON geometry and geodesic length in km.
SELECT route_id AS id, version, change, changed_at, name, family, kind, threats, direction, confidence, countries, props, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to, status,
       ST_AsGeoJSON(geom, 6)::json AS geometry, ST_Length(geom::geography) / 1000 AS length_km
FROM route_versions
WHERE route_id = $1
ORDER BY version DESC
