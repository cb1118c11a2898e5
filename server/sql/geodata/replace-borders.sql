-- Loads land borders from $1, a JSON array of {a_iso3, b_iso3, geom}; the geodesic length is
-- computed here on the WGS84 spheroid. Returns nothing. Caller deletes first.
INSERT INTO borders (a_iso3, b_iso3, geom, length_km)
SELECT r->>'a_iso3', r->>'b_iso3', g.geom, ST_Length(g.geom::geography) / 1000
FROM json_array_elements($1::json) AS r,
     LATERAL (SELECT ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(r->>'geom'), 4326)) AS geom) AS g
