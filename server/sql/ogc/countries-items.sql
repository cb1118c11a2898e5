-- Returns a page of countries (1:10m analysis shapes) for OGC API Features, ordered by iso3.
-- $1..$4 bbox (NULL = anywhere), $5 page size, $6 'next' (after $7, NULL = from the start) or
-- 'prev' (before $7, last first), $8 member (NULL = any).
(SELECT c.iso3 AS id, c.iso3, c.iso2, c.name_en, c.name_fr, c.name_ar, c.member, ST_AsGeoJSON(c.geom, 5)::json AS geometry
 FROM countries c
 WHERE ($1::float8 IS NULL OR ST_Intersects(c.geom, ST_MakeEnvelope($1, $2, $3, $4, 4326)))
   AND ($8::boolean IS NULL OR c.member = $8)
   AND $6 = 'next' AND ($7::text IS NULL OR c.iso3 > $7)
 ORDER BY c.iso3 LIMIT $5)
UNION ALL
(SELECT c.iso3 AS id, c.iso3, c.iso2, c.name_en, c.name_fr, c.name_ar, c.member, ST_AsGeoJSON(c.geom, 5)::json AS geometry
 FROM countries c
 WHERE ($1::float8 IS NULL OR ST_Intersects(c.geom, ST_MakeEnvelope($1, $2, $3, $4, 4326)))
   AND ($8::boolean IS NULL OR c.member = $8)
   AND $6 = 'prev' AND c.iso3 < $7
 ORDER BY c.iso3 DESC LIMIT $5)
