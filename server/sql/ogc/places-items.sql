-- Returns a page of places for OGC API Features, ordered by id. $1..$4 bbox (NULL = anywhere),
-- $5 page size, $6 'next' (ids after $7, NULL = from the start) or 'prev' (ids before $7, last
-- first), $8 iso3, $9 rank, $10 source, $11 name (exact; NULL = any).
(SELECT p.id, p.name, p.alt_names, p.iso2, p.iso3, p.admin1, p.rank, p.source, p.citation, ST_AsGeoJSON(p.geom, 6)::json AS geometry
 FROM places p
 WHERE ($1::float8 IS NULL OR p.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326))
   AND ($8::text IS NULL OR p.iso3 = $8) AND ($9::int IS NULL OR p.rank = $9)
   AND ($10::text IS NULL OR p.source = $10) AND ($11::text IS NULL OR p.name = $11)
   AND $6 = 'next' AND ($7::int IS NULL OR p.id > $7)
 ORDER BY p.id LIMIT $5)
UNION ALL
(SELECT p.id, p.name, p.alt_names, p.iso2, p.iso3, p.admin1, p.rank, p.source, p.citation, ST_AsGeoJSON(p.geom, 6)::json AS geometry
 FROM places p
 WHERE ($1::float8 IS NULL OR p.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326))
   AND ($8::text IS NULL OR p.iso3 = $8) AND ($9::int IS NULL OR p.rank = $9)
   AND ($10::text IS NULL OR p.source = $10) AND ($11::text IS NULL OR p.name = $11)
   AND $6 = 'prev' AND p.id < $7
 ORDER BY p.id DESC LIMIT $5)
