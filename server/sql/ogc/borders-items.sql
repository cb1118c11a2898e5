-- Returns a page of land borders for OGC API Features, ordered by id ('A-B'). $1..$4 bbox (NULL
-- = anywhere), $5 page size, $6 'next' (after $7, NULL = from the start) or 'prev' (before $7,
-- last first), $8 a country on either side (NULL = any).
(SELECT b.a_iso3 || '-' || b.b_iso3 AS id, b.a_iso3, b.b_iso3, b.length_km, ST_AsGeoJSON(b.geom, 6)::json AS geometry
 FROM borders b
 WHERE ($1::float8 IS NULL OR ST_Intersects(b.geom, ST_MakeEnvelope($1, $2, $3, $4, 4326)))
   AND ($8::text IS NULL OR $8 IN (b.a_iso3, b.b_iso3))
   AND $6 = 'next' AND ($7::text IS NULL OR b.a_iso3 || '-' || b.b_iso3 > $7)
 ORDER BY 1 LIMIT $5)
UNION ALL
(SELECT b.a_iso3 || '-' || b.b_iso3 AS id, b.a_iso3, b.b_iso3, b.length_km, ST_AsGeoJSON(b.geom, 6)::json AS geometry
 FROM borders b
 WHERE ($1::float8 IS NULL OR ST_Intersects(b.geom, ST_MakeEnvelope($1, $2, $3, $4, 4326)))
   AND ($8::text IS NULL OR $8 IN (b.a_iso3, b.b_iso3))
   AND $6 = 'prev' AND b.a_iso3 || '-' || b.b_iso3 < $7
 ORDER BY 1 DESC LIMIT $5)
