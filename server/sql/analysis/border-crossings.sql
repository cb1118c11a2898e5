-- Returns each point where line $1 (GeoJSON LineString) meets a land border: the ISO3 pair, the
-- point, the countries just before and just after it along the line (NULL where neither side
-- of the pair), and the nearest place with its geodesic distance in km.
WITH r AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS geom),
hits AS (
  SELECT b.a_iso3, b.b_iso3, (ST_Dump(ST_Intersection(b.geom, r.geom))).geom AS pt
  FROM borders b, r
  WHERE b.geom && r.geom AND ST_Intersects(b.geom, r.geom)
),
points AS (
  SELECT h.a_iso3, h.b_iso3, h.pt, ST_LineLocatePoint(r.geom, h.pt) AS frac
  FROM hits h, r
  WHERE GeometryType(h.pt) = 'POINT'
)
SELECT p.a_iso3, p.b_iso3, ST_X(p.pt) AS lng, ST_Y(p.pt) AS lat,
       (SELECT c.iso3 FROM countries c, r
         WHERE c.iso3 IN (p.a_iso3, p.b_iso3)
           AND ST_Intersects(c.geom, ST_LineInterpolatePoint(r.geom, GREATEST(p.frac - 1e-5, 0)))
         LIMIT 1) AS before_iso3,
       (SELECT c.iso3 FROM countries c, r
         WHERE c.iso3 IN (p.a_iso3, p.b_iso3)
           AND ST_Intersects(c.geom, ST_LineInterpolatePoint(r.geom, LEAST(p.frac + 1e-5, 1)))
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
