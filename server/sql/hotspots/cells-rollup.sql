-- Returns what cells.sql returns, {h3 (hex), n, value}, and with $19 what
-- patrols/incident-demand.sql returns, {h3, threat, n, value} per cell and threat (ordered by h3
-- and threat; threat '' and in no order without $19), from the cell rollup (incident_cells) where it can answer
-- and from the incidents elsewhere: res $1 (3..7), bbox $2..$5, threats $6, datasets $7, route
-- families $8, metric $9 (as cells.sql's $11), minimum count $10. Res 3..5 are the H3 parents of
-- the res-5 rows, res 6 and 7 of the res-7 rows (h3_cell_parent, migrations/012); a date window
-- reads the monthly res-5 rows. The window (geo/rollup-window.ts): $11 all time, else whole
-- months [$13, $14) unless $12 (none), and the edge days [$15, $16) and [$17, $18] from the rows.
-- A group whose rollup rows all lie inside the bbox is summed from them; a group some row of which
-- crosses the bbox edge is counted from its incidents (they lie in a strip along that edge as wide
-- as the widest such cell). Over the whole zone for all time, cells-rollup-zone.sql answers alone.
WITH groups AS (
  SELECT h3_cell_parent(cell, $1::int) AS cell, CASE WHEN $19::boolean THEN threat ELSE '' END AS threat, n,
         CASE $9::text WHEN 'dead' THEN dead::float8 WHEN 'missing' THEN missing::float8 WHEN 'dead_missing' THEN dead_missing::float8
                       WHEN 'survivors' THEN survivors::float8 WHEN 'quantity' THEN quantity ELSE n::float8 END AS value,
         west, south, east, north
  FROM incident_cells
  WHERE h3_res = CASE WHEN $1::int <= 5 THEN 5 ELSE 7 END
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
-- materialised: computed once, not again for each incident joined to it (a nested loop on an
-- un-analysed table recomputed it per row: 280 of 325 ms on the demo data on PGlite)
margin AS MATERIALIZED (
  SELECT max(span_lng) AS lng, max(span_lat) AS lat FROM rolled WHERE NOT inside
),
-- the rows matching the filters: the edge days of every cell (two branches, through the date
-- index), and the cells cut by the bbox edge, in four thin strips along it (the point index)
incidents_matching AS NOT MATERIALIZED (
  SELECT CASE $1::int WHEN 3 THEN h3_r3 WHEN 4 THEN h3_r4 WHEN 5 THEN h3_r5 WHEN 6 THEN h3_r6 WHEN 7 THEN h3_r7 END AS cell,
         CASE WHEN $19::boolean THEN threat ELSE '' END AS threat,
         CASE $9::text WHEN 'dead' THEN dead WHEN 'missing' THEN missing WHEN 'dead_missing' THEN dead_missing
                       WHEN 'survivors' THEN survivors WHEN 'quantity' THEN quantity ELSE 1 END AS v,
         occurred_on, geom
  FROM incidents
  WHERE ($2::float8 IS NULL OR geom && ST_MakeEnvelope($2, $3, $4, $5, 4326))
    AND ($6::text[] IS NULL OR threat = ANY ($6))
    AND ($7::text[] IS NULL OR source_dataset = ANY ($7))
    AND ($8::text[] IS NULL OR route_family = ANY ($8))
),
matching AS (
  SELECT cell, threat, v FROM incidents_matching
  WHERE $15::date IS NOT NULL AND occurred_on >= $15 AND occurred_on < $16
  UNION ALL
  SELECT cell, threat, v FROM incidents_matching
  WHERE $17::date IS NOT NULL AND occurred_on >= $17 AND occurred_on <= $18
  UNION ALL
  SELECT i.cell, i.threat, i.v
  FROM incidents_matching i, margin
  WHERE $2::float8 IS NOT NULL AND margin.lng IS NOT NULL AND NOT $12::boolean
    AND (i.geom && ST_MakeEnvelope($2, $3, $2 + margin.lng, $5, 4326)
         OR i.geom && ST_MakeEnvelope($4 - margin.lng, $3, $4, $5, 4326)
         OR i.geom && ST_MakeEnvelope($2, $3, $4, $3 + margin.lat, 4326)
         OR i.geom && ST_MakeEnvelope($2, $5 - margin.lat, $4, $5, 4326))
    AND ($11::boolean OR (($13::date IS NULL OR i.occurred_on >= $13) AND ($14::date IS NULL OR i.occurred_on < $14)))
    AND (i.cell, i.threat) IN (SELECT cell, threat FROM rolled WHERE NOT inside)
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
-- in order per threat only (patrol demand): a constant sort key is dropped from the plan
ORDER BY CASE WHEN $19::boolean THEN to_hex(cell) END, threat
