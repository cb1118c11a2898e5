-- Returns, for each requested land border ($1 a_iso3[], $2 b_iso3[], a < b), its pair 'A-B' and a
-- planar buffer of its line (GeoJSON, degrees) holding every point within $3 km of it: the margin
-- is $3 km in degrees of longitude at the line's most poleward latitude plus $3 km, plus 5%.
-- Candidate cells are generated inside it; candidates.sql then filters them exactly.
SELECT b.a_iso3 || '-' || b.b_iso3 AS pair,
       ST_AsGeoJSON(ST_Buffer(b.geom, $3::float8 / (110.574 * cos(radians(least(85.0,
         greatest(abs(ST_YMin(b.geom)), abs(ST_YMax(b.geom))) + $3::float8 / 110.574)))) * 1.05, 'quad_segs=4'), 5)::json AS band
FROM borders b
JOIN unnest($1::text[], $2::text[]) AS q(a, b) ON b.a_iso3 = q.a AND b.b_iso3 = q.b
ORDER BY pair
