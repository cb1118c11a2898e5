-- Returns, for many lines at once, what line-length, country-lengths and border-crossings return
-- for one: per element of $1 (a JSON array of {id, geometry: GeoJSON LineString}), its id, its
-- geodesic length in km (WGS84 spheroid), countries (a JSON array of {iso3, name_en, km}: the
-- geodesic km of the line inside each country it crosses, 1:10m analysis shapes) and crossings (a
-- JSON array of border-crossings.sql's rows: {a_iso3, b_iso3, lng, lat, before_iso3, after_iso3,
-- place_name, place_km}). One statement for a report's route table instead of three per route.
WITH r AS (
  SELECT e.ordinality AS ord, e.value->>'id' AS id, ST_SetSRID(ST_GeomFromGeoJSON(e.value->'geometry'), 4326) AS geom
  FROM json_array_elements($1::json) WITH ORDINALITY e
),
country_km AS MATERIALIZED (
  SELECT r.ord, c.iso3, c.name_en, ST_Length(ST_Intersection(c.geom, r.geom)::geography) / 1000 AS km
  FROM r JOIN countries c ON c.geom && r.geom AND ST_Intersects(c.geom, r.geom)
),
hits AS (
  SELECT r.ord, r.geom AS line, b.a_iso3, b.b_iso3, (ST_Dump(ST_Intersection(b.geom, r.geom))).geom AS pt
  FROM r JOIN borders b ON b.geom && r.geom AND ST_Intersects(b.geom, r.geom)
),
points AS (
  SELECT h.ord, h.line, h.a_iso3, h.b_iso3, h.pt, ST_LineLocatePoint(h.line, h.pt) AS frac
  FROM hits h
  WHERE GeometryType(h.pt) = 'POINT'
),
crossings AS MATERIALIZED (
  SELECT p.ord, p.a_iso3, p.b_iso3, ST_X(p.pt) AS lng, ST_Y(p.pt) AS lat,
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
)
SELECT r.id, ST_Length(r.geom::geography) / 1000 AS length_km,
       COALESCE((SELECT json_agg(json_build_object('iso3', k.iso3, 'name_en', k.name_en, 'km', k.km)) FROM country_km k WHERE k.ord = r.ord), '[]') AS countries,
       COALESCE((SELECT json_agg(json_build_object('a_iso3', x.a_iso3, 'b_iso3', x.b_iso3, 'lng', x.lng, 'lat', x.lat, 'before_iso3', x.before_iso3,
                                                   'after_iso3', x.after_iso3, 'place_name', x.place_name, 'place_km', x.place_km))
                 FROM crossings x WHERE x.ord = r.ord), '[]') AS crossings
FROM r
ORDER BY r.ord
