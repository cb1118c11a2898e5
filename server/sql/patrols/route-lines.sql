-- Returns the catalogue routes of the families $1 (text[]; NULL = every family): id, family and
-- the line as GeoJSON, by id.
SELECT id, family, ST_AsGeoJSON(geom, 6)::json AS geometry
FROM routes
WHERE deleted_at IS NULL AND ($1::text[] IS NULL OR family = ANY ($1::text[]))
ORDER BY id
