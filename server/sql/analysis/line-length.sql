-- Returns the geodesic length in km (WGS84 spheroid) of line $1 (GeoJSON LineString or MultiLineString).
SELECT ST_Length(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)::geography) / 1000 AS km
