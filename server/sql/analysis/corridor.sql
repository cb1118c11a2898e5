-- Returns the corridor of $2 km around line $1 (GeoJSON): its polygon (GeoJSON) and geodesic
-- area in km². The line is first simplified by $3 degrees (far below the corridor width), then cut
-- along the line as drawn (planar, in degrees) into pieces of at most 0.9° (≤ 100 km), each
-- buffered as geography (so each gets an accurate local projection; a 100 km piece read as a
-- great circle strays < 0.1 km from the drawn line), then the buffers are unioned. Cutting as
-- geography would put the pieces on the great circle instead, tens of km off a long parallel.
-- The union is densified to edges of at most $4 degrees (ST_Segmentize on geometry, the rule of
-- server/geo/densify.ts) before it is measured as geography and returned, so the area is that of
-- the polygon the map draws.
WITH r AS (SELECT ST_Simplify(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), $3) AS geom),
segs AS (
  SELECT (ST_DumpSegments(ST_Segmentize(r.geom, 0.9))).geom AS seg FROM r
),
c AS (SELECT ST_Segmentize(ST_Union(ST_Buffer(seg::geography, $2::float8 * 1000, 'quad_segs=8')::geometry), $4::float8) AS geom FROM segs)
SELECT ST_AsGeoJSON(c.geom, 5) AS geojson, ST_Area(c.geom::geography) / 1e6 AS area_km2
FROM c
