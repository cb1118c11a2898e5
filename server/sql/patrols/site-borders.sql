-- Returns {i (0-based position in the arrays), border_pair ('A-B'), border_km} for each site
-- ($1 lng[], $2 lat[]): the nearest border among the pairs $3 a_iso3[] / $4 b_iso3[] and the
-- great-circle distance to it on the sphere, km.
SELECT DISTINCT ON (u.i) (u.i - 1)::int AS i, b.a_iso3 || '-' || b.b_iso3 AS border_pair,
       ST_Distance(b.geom::geography, ST_SetSRID(ST_MakePoint(u.lng, u.lat), 4326)::geography, false) / 1000 AS border_km
FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS u(lng, lat, i)
CROSS JOIN borders b
JOIN unnest($3::text[], $4::text[]) AS q(a, b) ON b.a_iso3 = q.a AND b.b_iso3 = q.b
ORDER BY u.i, border_km, border_pair
