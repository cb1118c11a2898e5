-- Returns the corridor of $2 km around line $1 (GeoJSON): its polygon (GeoJSON) and geodesic
-- area in km². The line is first simplified by $3 degrees (far below the corridor width) and cut
-- into pieces of at most 100 km, each buffered as geography (so each gets an accurate local
-- projection), then the buffers are unioned.
WITH r AS (SELECT ST_Simplify(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), $3) AS geom),
segs AS (
  SELECT (ST_DumpSegments(ST_Segmentize(r.geom::geography, 100000)::geometry)).geom AS seg FROM r
),
c AS (SELECT ST_Union(ST_Buffer(seg::geography, $2::float8 * 1000, 'quad_segs=8')::geometry) AS geom FROM segs)
SELECT ST_AsGeoJSON(c.geom, 5) AS geojson, ST_Area(c.geom::geography) / 1e6 AS area_km2
FROM c
