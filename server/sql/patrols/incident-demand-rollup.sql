-- Returns what incident-demand.sql returns, {h3 (hex), threat, n, value} per cell at res $1
-- (3..7) and threat, ordered by h3 and threat, from the cell rollup where it can answer and from
-- the incidents elsewhere, exactly as hotspots/cells-rollup.sql does per cell (here per cell and
-- threat): bbox $2..$5, threats $6, datasets $7, route families $8, metric $9, minimum count $10
-- (1: every cell), window $11..$18 (geo/rollup-window.ts).
WITH groups AS (
  SELECT CASE WHEN $1::int < 5 THEN (cell & ~(15::bigint << 52)) | (($1::int)::bigint << 52) | ((1::bigint << (3 * (15 - $1::int))) - 1) ELSE cell END AS cell, threat, n,
         CASE $9::text WHEN 'dead' THEN dead::float8 WHEN 'missing' THEN missing::float8 WHEN 'dead_missing' THEN dead_missing::float8
                       WHEN 'survivors' THEN survivors::float8 WHEN 'quantity' THEN quantity ELSE n::float8 END AS value,
         west, south, east, north
  FROM incident_cells
  WHERE h3_res = GREATEST($1::int, 5)
    AND (CASE WHEN $11::boolean THEN month IS NULL
              ELSE NOT $12::boolean AND month IS NOT NULL AND ($13::date IS NULL OR month >= $13) AND ($14::date IS NULL OR month < $14) END)
    AND ($6::text[] IS NULL OR threat = ANY ($6))
    AND ($7::text[] IS NULL OR source_dataset = ANY ($7))
    AND ($8::text[] IS NULL OR route_family = ANY ($8))
    AND ($2::float8 IS NULL OR (east >= $2 AND west <= $4 AND north >= $3 AND south <= $5))
),
rolled AS (
  SELECT cell, threat, sum(n) AS n, sum(value) AS value,
         ($2::float8 IS NULL OR (min(west) >= $2 AND max(east) <= $4 AND min(south) >= $3 AND max(north) <= $5)) AS inside,
         max(east) - min(west) AS span_lng, max(north) - min(south) AS span_lat
  FROM groups
  GROUP BY cell, threat
),
margin AS (
  SELECT max(span_lng) AS lng, max(span_lat) AS lat FROM rolled WHERE NOT inside
),
matching AS (
  SELECT CASE $1::int WHEN 3 THEN h3_r3 WHEN 4 THEN h3_r4 WHEN 5 THEN h3_r5 WHEN 6 THEN h3_r6 WHEN 7 THEN h3_r7 END AS cell, threat,
         CASE $9::text WHEN 'dead' THEN dead WHEN 'missing' THEN missing WHEN 'dead_missing' THEN dead_missing
                       WHEN 'survivors' THEN survivors WHEN 'quantity' THEN quantity ELSE 1 END AS v
  FROM incidents
  WHERE $15::date IS NOT NULL AND occurred_on >= $15 AND occurred_on < $16
    AND ($2::float8 IS NULL OR geom && ST_MakeEnvelope($2, $3, $4, $5, 4326))
    AND ($6::text[] IS NULL OR threat = ANY ($6))
    AND ($7::text[] IS NULL OR source_dataset = ANY ($7))
    AND ($8::text[] IS NULL OR route_family = ANY ($8))
  UNION ALL
  SELECT CASE $1::int WHEN 3 THEN h3_r3 WHEN 4 THEN h3_r4 WHEN 5 THEN h3_r5 WHEN 6 THEN h3_r6 WHEN 7 THEN h3_r7 END, threat,
         CASE $9::text WHEN 'dead' THEN dead WHEN 'missing' THEN missing WHEN 'dead_missing' THEN dead_missing
                       WHEN 'survivors' THEN survivors WHEN 'quantity' THEN quantity ELSE 1 END
  FROM incidents
  WHERE $17::date IS NOT NULL AND occurred_on >= $17 AND occurred_on <= $18
    AND ($2::float8 IS NULL OR geom && ST_MakeEnvelope($2, $3, $4, $5, 4326))
    AND ($6::text[] IS NULL OR threat = ANY ($6))
    AND ($7::text[] IS NULL OR source_dataset = ANY ($7))
    AND ($8::text[] IS NULL OR route_family = ANY ($8))
  UNION ALL
  SELECT c.cell, c.threat, c.v
  FROM (
    SELECT CASE $1::int WHEN 3 THEN h3_r3 WHEN 4 THEN h3_r4 WHEN 5 THEN h3_r5 WHEN 6 THEN h3_r6 WHEN 7 THEN h3_r7 END AS cell, threat,
           CASE $9::text WHEN 'dead' THEN dead WHEN 'missing' THEN missing WHEN 'dead_missing' THEN dead_missing
                         WHEN 'survivors' THEN survivors WHEN 'quantity' THEN quantity ELSE 1 END AS v
    FROM incidents, margin
    WHERE $2::float8 IS NOT NULL AND margin.lng IS NOT NULL AND NOT $12::boolean
      AND (geom && ST_MakeEnvelope($2, $3, $2 + margin.lng, $5, 4326)
           OR geom && ST_MakeEnvelope($4 - margin.lng, $3, $4, $5, 4326)
           OR geom && ST_MakeEnvelope($2, $3, $4, $3 + margin.lat, 4326)
           OR geom && ST_MakeEnvelope($2, $5 - margin.lat, $4, $5, 4326))
      AND geom && ST_MakeEnvelope($2, $3, $4, $5, 4326)
      AND ($11::boolean OR (($13::date IS NULL OR occurred_on >= $13) AND ($14::date IS NULL OR occurred_on < $14)))
      AND ($6::text[] IS NULL OR threat = ANY ($6))
      AND ($7::text[] IS NULL OR source_dataset = ANY ($7))
      AND ($8::text[] IS NULL OR route_family = ANY ($8))
  ) AS c
  WHERE (c.cell, c.threat) IN (SELECT cell, threat FROM rolled WHERE NOT inside)
),
counted AS (
  SELECT cell, threat, count(*) AS n, COALESCE(sum(v), 0)::float8 AS value
  FROM matching
  GROUP BY cell, threat
)
SELECT to_hex(cell) AS h3, threat, sum(n)::int AS n, sum(value)::float8 AS value
FROM (
  SELECT cell, threat, n, value FROM rolled WHERE inside
  UNION ALL
  SELECT cell, threat, n, value FROM counted
) AS parts
GROUP BY cell, threat
HAVING sum(n) >= $10
ORDER BY h3, threat
