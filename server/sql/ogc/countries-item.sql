-- Returns country $1 (ISO3) with its 1:10m shape as a GeoJSON-ready row, or no row.
SELECT c.iso3 AS id, c.iso3, c.iso2, c.name_en, c.name_fr, c.name_ar, c.member, ST_AsGeoJSON(c.geom, 5)::json AS geometry
FROM countries c WHERE c.iso3 = $1
