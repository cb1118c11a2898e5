-- Returns every land border line (GeoJSON) with its ISO3 pair and geodesic length in km.
SELECT a_iso3, b_iso3, length_km, ST_AsGeoJSON(geom, 5)::json AS geometry
FROM borders
ORDER BY a_iso3, b_iso3
