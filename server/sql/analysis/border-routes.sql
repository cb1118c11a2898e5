-- Returns every catalogue route that meets the land border between $1 and $2 (a_iso3 < b_iso3):
-- id, name, family, kind, direction and GeoJSON geometry, by id.
SELECT r.id, r.name, r.family, r.kind, r.direction, ST_AsGeoJSON(r.geom, 6)::json AS geometry
FROM routes r
JOIN borders b ON b.a_iso3 = $1 AND b.b_iso3 = $2
WHERE r.deleted_at IS NULL AND r.geom && b.geom AND ST_Intersects(r.geom, b.geom)
ORDER BY r.id
