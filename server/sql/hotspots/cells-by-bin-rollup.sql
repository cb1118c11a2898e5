-- Returns what cells-by-bin.sql returns, {h3 (hex), bin (YYYY-MM-DD), n}, from the monthly rows
-- of the cell rollup where they can answer and from the incidents elsewhere, as
-- cells-rollup.sql does: res $1 (3..5; 3 and 4 the parents of the res-5 rows), bbox $2..$5, threats $6, datasets $7, route families $8,
-- bin $9 ('month' or 'quarter'), minimum count $10; window $11..$18 as cells-rollup.sql (with
-- no date filter every monthly row counts). Year-precise dates are left out.
WITH groups AS (
  SELECT h3_cell_parent(cell, $1::int) AS cell, date_trunc($9::text, month)::date AS bin, n, west, south, east, north
  FROM incident_cells
  WHERE h3_res = 5 AND month IS NOT NULL AND NOT year_precise
    AND NOT $12::boolean AND ($13::date IS NULL OR month >= $13) AND ($14::date IS NULL OR month < $14)
    AND ($6::text[] IS NULL OR threat = ANY ($6))
    AND ($7::text[] IS NULL OR source_dataset = ANY ($7))
    AND ($8::text[] IS NULL OR route_family = ANY ($8))
    AND ($2::float8 IS NULL OR (east >= $2 AND west <= $4 AND north >= $3 AND south <= $5))
),
bounds AS (
  SELECT cell, ($2::float8 IS NULL OR (min(west) >= $2 AND max(east) <= $4 AND min(south) >= $3 AND max(north) <= $5)) AS inside,
         max(east) - min(west) AS span_lng, max(north) - min(south) AS span_lat
  FROM groups
  GROUP BY cell
),
-- materialised: computed once, not again for each incident joined to it (a nested loop on an
-- un-analysed table recomputed it per row: 280 of 325 ms on the demo data on PGlite)
margin AS MATERIALIZED (
  SELECT max(span_lng) AS lng, max(span_lat) AS lat FROM bounds WHERE NOT inside
),
matching AS (
  SELECT CASE $1::int WHEN 3 THEN h3_r3 WHEN 4 THEN h3_r4 WHEN 5 THEN h3_r5 WHEN 6 THEN h3_r6 END AS cell, occurred_on
  FROM incidents, margin
  WHERE ($2::float8 IS NULL OR geom && ST_MakeEnvelope($2, $3, $4, $5, 4326))
    AND ($6::text[] IS NULL OR threat = ANY ($6))
    AND ($7::text[] IS NULL OR source_dataset = ANY ($7))
    AND ($8::text[] IS NULL OR route_family = ANY ($8))
    AND date_precision <> 'year'
    AND (
      ($15::date IS NOT NULL AND occurred_on >= $15 AND occurred_on < $16)
      OR ($17::date IS NOT NULL AND occurred_on >= $17 AND occurred_on <= $18)
      OR ($2::float8 IS NOT NULL AND margin.lng IS NOT NULL AND NOT $12::boolean
          AND ($11::boolean OR (($13::date IS NULL OR occurred_on >= $13) AND ($14::date IS NULL OR occurred_on < $14)))
          AND (geom && ST_MakeEnvelope($2, $3, $2 + margin.lng, $5, 4326)
               OR geom && ST_MakeEnvelope($4 - margin.lng, $3, $4, $5, 4326)
               OR geom && ST_MakeEnvelope($2, $3, $4, $3 + margin.lat, 4326)
               OR geom && ST_MakeEnvelope($2, $5 - margin.lat, $4, $5, 4326)))
    )
),
parts AS (
  SELECT g.cell, g.bin, g.n FROM groups g JOIN bounds b USING (cell) WHERE b.inside
  UNION ALL
  SELECT cell, date_trunc($9::text, occurred_on)::date, 1
  FROM matching
  WHERE ($15::date IS NOT NULL AND occurred_on >= $15 AND occurred_on < $16)
     OR ($17::date IS NOT NULL AND occurred_on >= $17 AND occurred_on <= $18)
     OR cell IN (SELECT cell FROM bounds WHERE NOT inside)
)
SELECT to_hex(cell) AS h3, to_char(bin, 'YYYY-MM-DD') AS bin, sum(n)::int AS n
FROM parts
GROUP BY cell, bin
HAVING sum(n) >= $10
ORDER BY bin
