-- Returns {i} (0-based position in the arrays) of the candidate points ($1 lng[], $2 lat[]) passing
-- every given filter (NULL = not applied): within $5 km of a border among the pairs $3 a_iso3[] /
-- $4 b_iso3[] (great-circle distance on the sphere, as the coverage); inside a country of $6
-- (ISO3[]); inside the GeoJSON polygon $7; outside the GeoJSON polygon $8.
-- The border test in three steps, cheapest first: a planar margin in degrees wide enough for $5 km
-- at the line's most poleward latitude (as border-bands.sql) lets the index pre-filter; a planar
-- distance of at most $5 / 111.195 degrees (less 1%) is already within $5 km (the sphere's metric
-- is never longer than R·√(Δφ² + Δλ²)); only the ring between the two needs ST_DWithin(geography).
WITH p AS (
  SELECT (u.i - 1)::int AS i, ST_SetSRID(ST_MakePoint(u.lng, u.lat), 4326) AS geom
  FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS u(lng, lat, i)
),
chosen AS (
  SELECT b.geom, b.geom::geography AS geog,
         $5::float8 / (110.574 * cos(radians(least(85.0, greatest(abs(ST_YMin(b.geom)), abs(ST_YMax(b.geom))) + $5::float8 / 110.574)))) * 1.05 AS outer_deg,
         $5::float8 / 111.195 * 0.99 AS inner_deg
  FROM borders b
  JOIN unnest($3::text[], $4::text[]) AS q(a, b) ON b.a_iso3 = q.a AND b.b_iso3 = q.b
),
area AS (
  SELECT ST_SetSRID(ST_GeomFromGeoJSON($7::text), 4326) AS inside, ST_SetSRID(ST_GeomFromGeoJSON($8::text), 4326) AS outside
)
SELECT p.i
FROM p
CROSS JOIN area
WHERE ($3::text[] IS NULL OR EXISTS (
        SELECT 1 FROM chosen c
        WHERE ST_DWithin(c.geom, p.geom, c.outer_deg)
          AND (ST_DWithin(c.geom, p.geom, c.inner_deg) OR ST_DWithin(c.geog, p.geom::geography, $5::float8 * 1000, false))))
  AND ($6::text[] IS NULL OR EXISTS (SELECT 1 FROM countries k WHERE k.iso3 = ANY ($6::text[]) AND ST_Intersects(k.geom, p.geom)))
  AND (area.inside IS NULL OR ST_Intersects(area.inside, p.geom))
  AND (area.outside IS NULL OR NOT ST_Intersects(area.outside, p.geom))
ORDER BY p.i
