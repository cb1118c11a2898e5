-- Returns the live route $1 as a GeoJSON-ready row, or no row.
SELECT r.id, r.name, r.family, r.kind, r.threats, r.direction, r.confidence, r.countries, r.props, r.updated_at,
       to_char(r.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(r.valid_to, 'YYYY-MM-DD') AS valid_to, r.status,
       ST_Length(r.geom::geography) / 1000 AS length_km, ST_AsGeoJSON(r.geom, 6)::json AS geometry
FROM routes r WHERE r.id = $1 AND r.deleted_at IS NULL
