-- Returns each point where a line of $1 (a JSON array of {id, geometry: GeoJSON LineString}) meets
-- a land border: the line's id, the ISO3 pair, the point, the countries just before and just after
-- it along the line (NULL where neither side of the pair), and the nearest place with its geodesic
-- distance in km. Rows of the first line first.
WITH r AS (
  SELECT e.ordinality AS ord, e.value->>'id' AS id, ST_SetSRID(ST_GeomFromGeoJSON(e.value->'geometry'), 4326) AS geom
  FROM json_array_elements($1::json) WITH ORDINALITY e
),
hits AS (
  SELECT r.ord, r.id, r.geom AS line, b.a_iso3, b.b_iso3, (ST_Dump(ST_Intersection(b.geom, r.geom))).geom AS pt
  FROM r JOIN borders b ON b.geom && r.geom AND ST_Intersects(b.geom, r.geom)
),
points AS (
  SELECT h.ord, h.id, h.line, h.a_iso3, h.b_iso3, h.pt, ST_LineLocatePoint(h.line, h.pt) AS frac
  FROM hits h
  WHERE GeometryType(h.pt) = 'POINT'
)
SELECT p.id, p.a_iso3, p.b_iso3, ST_X(p.pt) AS lng, ST_Y(p.pt) AS lat,
       (SELECT c.iso3 FROM countries c
         WHERE c.iso3 IN (p.a_iso3, p.b_iso3)
           AND ST_Intersects(c.geom, ST_LineInterpolatePoint(p.line, GREATEST(p.frac - 1e-5, 0)))
         LIMIT 1) AS before_iso3,
       (SELECT c.iso3 FROM countries c
         WHERE c.iso3 IN (p.a_iso3, p.b_iso3)
           AND ST_Intersects(c.geom, ST_LineInterpolatePoint(p.line, LEAST(p.frac + 1e-5, 1)))
         LIMIT 1) AS after_iso3,
       n.name AS place_name, n.km AS place_km
FROM points p,
LATERAL (
  -- five nearest by the planar index, then the nearest of those on the spheroid
  SELECT k.name, ST_Distance(k.geom::geography, p.pt::geography) / 1000 AS km
  FROM (SELECT pl.name, pl.geom FROM places pl ORDER BY pl.geom <-> p.pt LIMIT 5) AS k
  ORDER BY km
  LIMIT 1
) AS n
ORDER BY p.ord
