-- Returns n: how many places match the filters of places-items.sql ($1..$4 there; $5..$8 here
-- are its $8..$11).
SELECT count(*)::int AS n
FROM places p
WHERE ($1::float8 IS NULL OR p.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326))
  AND ($5::text IS NULL OR p.iso3 = $5) AND ($6::int IS NULL OR p.rank = $6)
  AND ($7::text IS NULL OR p.source = $7) AND ($8::text IS NULL OR p.name = $8)
