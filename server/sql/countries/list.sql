-- Returns every country with its display (1:50m) geometry as GeoJSON, members first.
SELECT iso3, iso2, name_en, name_fr, name_ar, member, ST_AsGeoJSON(geom_display, 5)::json AS geometry
FROM countries
ORDER BY member DESC, iso3
