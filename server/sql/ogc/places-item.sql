-- Returns place $1 (an integer id given as text) as a GeoJSON-ready row, or no row.
SELECT p.id, p.name, p.alt_names, p.iso2, p.iso3, p.admin1, p.rank, p.source, p.citation, ST_AsGeoJSON(p.geom, 6)::json AS geometry
FROM places p WHERE p.id::text = $1
