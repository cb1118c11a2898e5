-- Returns land border $1 ('A-B', A < B) as a GeoJSON-ready row, or no row.
SELECT b.a_iso3 || '-' || b.b_iso3 AS id, b.a_iso3, b.b_iso3, b.length_km, ST_AsGeoJSON(b.geom, 6)::json AS geometry
FROM borders b WHERE b.a_iso3 || '-' || b.b_iso3 = $1
