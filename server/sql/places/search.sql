-- Returns up to $6 places whose names contain the search key $1 (NULL = any) inside the bbox
-- $2..$5 (west, south, east, north; NULL = anywhere); name-start matches first, then by rank.
SELECT id, name, alt_names, iso2, iso3, rank, source, citation, ST_X(geom) AS lng, ST_Y(geom) AS lat
FROM places
WHERE ($1::text IS NULL OR search_key LIKE '%' || $1 || '%')
  AND ($2::float8 IS NULL OR geom && ST_MakeEnvelope($2, $3, $4, $5, 4326))
ORDER BY CASE WHEN $1::text IS NOT NULL AND search_key LIKE '%|' || $1 || '%' THEN 0 ELSE 1 END,
         rank, name, id
LIMIT $6
