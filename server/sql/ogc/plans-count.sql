-- Returns n: how many saved plans match bbox $1..$4, save-time interval $5/$6 and name $7.
SELECT count(*)::int AS n
FROM patrol_plans p
WHERE ($1::float8 IS NULL OR EXISTS (
          SELECT 1 FROM jsonb_array_elements(p.result->'sites') AS s
          WHERE ST_Intersects(ST_SetSRID(ST_MakePoint((s->>'lng')::float8, (s->>'lat')::float8), 4326), ST_MakeEnvelope($1, $2, $3, $4, 4326))))
   AND ($5::timestamptz IS NULL OR p.created_at >= $5) AND ($6::timestamptz IS NULL OR p.created_at <= $6)
   AND ($7::text IS NULL OR p.name = $7)
