-- Returns n: how many countries match bbox $1..$4 and member $5 (NULL = any).
SELECT count(*)::int AS n FROM countries c
WHERE ($1::float8 IS NULL OR ST_Intersects(c.geom, ST_MakeEnvelope($1, $2, $3, $4, 4326)))
  AND ($5::boolean IS NULL OR c.member = $5)
