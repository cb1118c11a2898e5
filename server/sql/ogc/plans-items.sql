-- Returns a page of saved patrol plans for OGC API Features, ordered by id, each a MultiPoint of
-- its sites. $1..$4 bbox a site must fall in (NULL = anywhere), $5/$6 interval of the save time
-- (NULL = open), $7 page size, $8 'next' (ids after $9, NULL = from the start) or 'prev' (ids
-- before $9, last first), $10 name (NULL = any).
(SELECT p.id, p.name, p.created_at, (p.request->>'k')::int AS k, (p.request->>'radius_km')::float8 AS radius_km,
        (p.result->>'coverage_ratio')::float8 AS coverage_ratio, jsonb_array_length(p.result->'sites') AS sites,
        (SELECT ST_AsGeoJSON(ST_Collect(ST_SetSRID(ST_MakePoint((s->>'lng')::float8, (s->>'lat')::float8), 4326)), 6)::json
         FROM jsonb_array_elements(p.result->'sites') AS s) AS geometry
 FROM patrol_plans p
 WHERE ($1::float8 IS NULL OR EXISTS (
          SELECT 1 FROM jsonb_array_elements(p.result->'sites') AS s
          WHERE ST_Intersects(ST_SetSRID(ST_MakePoint((s->>'lng')::float8, (s->>'lat')::float8), 4326), ST_MakeEnvelope($1, $2, $3, $4, 4326))))
   AND ($5::timestamptz IS NULL OR p.created_at >= $5) AND ($6::timestamptz IS NULL OR p.created_at <= $6)
   AND ($10::text IS NULL OR p.name = $10)
   AND $8 = 'next' AND ($9::bigint IS NULL OR p.id > $9::bigint)
 ORDER BY p.id LIMIT $7)
UNION ALL
(SELECT p.id, p.name, p.created_at, (p.request->>'k')::int AS k, (p.request->>'radius_km')::float8 AS radius_km,
        (p.result->>'coverage_ratio')::float8 AS coverage_ratio, jsonb_array_length(p.result->'sites') AS sites,
        (SELECT ST_AsGeoJSON(ST_Collect(ST_SetSRID(ST_MakePoint((s->>'lng')::float8, (s->>'lat')::float8), 4326)), 6)::json
         FROM jsonb_array_elements(p.result->'sites') AS s) AS geometry
 FROM patrol_plans p
 WHERE ($1::float8 IS NULL OR EXISTS (
          SELECT 1 FROM jsonb_array_elements(p.result->'sites') AS s
          WHERE ST_Intersects(ST_SetSRID(ST_MakePoint((s->>'lng')::float8, (s->>'lat')::float8), 4326), ST_MakeEnvelope($1, $2, $3, $4, 4326))))
   AND ($5::timestamptz IS NULL OR p.created_at >= $5) AND ($6::timestamptz IS NULL OR p.created_at <= $6)
   AND ($10::text IS NULL OR p.name = $10)
   AND $8 = 'prev' AND p.id < $9::bigint
 ORDER BY p.id DESC LIMIT $7)
