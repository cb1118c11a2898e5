-- Returns n: how many land borders match bbox $1..$4 and country $5 on either side (NULL = any).
SELECT count(*)::int AS n FROM borders b
WHERE ($1::float8 IS NULL OR ST_Intersects(b.geom, ST_MakeEnvelope($1, $2, $3, $4, 4326)))
  AND ($5::text IS NULL OR $5 IN (b.a_iso3, b.b_iso3))
