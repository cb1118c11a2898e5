-- Returns, for many lines at once, what line-length and country-lengths return for one: per
-- element of $1 (a JSON array of {id, geometry: GeoJSON LineString}), in order, its id, its
-- geodesic length in km (WGS84 spheroid) and countries (a JSON array of {iso3, name_en, km}: the
-- geodesic km of the line inside each country it crosses, 1:10m analysis shapes). With
-- border-crossings.sql over the same array: a report's route table in two statements instead of
-- three per route.
WITH r AS (
  SELECT e.ordinality AS ord, e.value->>'id' AS id, ST_SetSRID(ST_GeomFromGeoJSON(e.value->'geometry'), 4326) AS geom
  FROM json_array_elements($1::json) WITH ORDINALITY e
),
-- materialized: inlined into the per-line aggregate below it would be joined again for every line
country_km AS MATERIALIZED (
  SELECT r.ord, c.iso3, c.name_en, ST_Length(ST_Intersection(c.geom, r.geom)::geography) / 1000 AS km
  FROM r JOIN countries c ON c.geom && r.geom AND ST_Intersects(c.geom, r.geom)
)
SELECT r.id, ST_Length(r.geom::geography) / 1000 AS length_km,
       COALESCE((SELECT json_agg(json_build_object('iso3', k.iso3, 'name_en', k.name_en, 'km', k.km)) FROM country_km k WHERE k.ord = r.ord), '[]') AS countries
FROM r
ORDER BY r.ord
