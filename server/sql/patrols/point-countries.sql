-- Returns {i (0-based position in the arrays), iso3} of the country holding each point ($1 lng[],
-- $2 lat[]); points at sea or outside every loaded country are left out.
SELECT (u.i - 1)::int AS i, c.iso3
FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS u(lng, lat, i)
CROSS JOIN LATERAL (
  SELECT iso3 FROM countries
  WHERE ST_Intersects(countries.geom, ST_SetSRID(ST_MakePoint(u.lng, u.lat), 4326))
  ORDER BY iso3 LIMIT 1
) c
ORDER BY i
