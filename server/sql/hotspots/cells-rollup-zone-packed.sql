-- cells-rollup-zone.sql's cells (one per cell, not per threat) packed into one bytea, for the
-- answers of ~100,000 cells and more (res 7 over the zone), big-endian, in no particular order:
-- the cell's key (int8: the H3 index shifted right past its unused trailing hex digits,
-- shared/cell-rings.ts cellKey), n (int4) and, with a metric, value (float8): 12 bytes a cell for a
-- count (its value is n), 20 with a metric. One row of one value instead of 108,000 rows of hex
-- text: the hex, the row protocol and the per-row parse cost more than the aggregation itself.
-- Res $1 (3..7), threats $2, datasets $3, route families $4, metric $5 (as cells.sql's $11; null:
-- count), minimum count $6; slice $8 of $7 (0-based): the cells whose base cell number plus first
-- digit is $8 modulo $7, so a parent cell of res 1 or finer (3..7 here) lies in one slice with all
-- its children, and slices run at once are disjoint and complete. Null when no cell. n is summed as int4 (a rollup row counts far fewer
-- than 2^31 incidents): a sum of int8 keeps a 128-bit state per cell, ~30 ms of the ~120 at res 7
-- over the zone.
SELECT string_agg(int8send(cell >> (4 * ((3 * (15 - $1::int)) / 4))) || int4send(n) || CASE WHEN $5::text IS NULL THEN ''::bytea ELSE float8send(value) END, ''::bytea) AS packed
FROM (
  SELECT h3_cell_parent(cell, $1::int) AS cell, sum(n::int)::int AS n,
         sum(CASE $5::text WHEN 'dead' THEN dead::float8 WHEN 'missing' THEN missing::float8 WHEN 'dead_missing' THEN dead_missing::float8
                           WHEN 'survivors' THEN survivors::float8 WHEN 'quantity' THEN quantity END) FILTER (WHERE $5::text IS NOT NULL) AS value
  FROM incident_cells
  WHERE h3_res = CASE WHEN $1::int <= 5 THEN 5 ELSE 7 END AND month IS NULL
    AND ($2::text[] IS NULL OR threat = ANY ($2))
    AND ($3::text[] IS NULL OR source_dataset = ANY ($3))
    AND ($4::text[] IS NULL OR route_family = ANY ($4))
    AND ($7::int = 1 OR (((cell >> 42) & 7) + ((cell >> 45) & 127)) % $7::int = $8::int)
  GROUP BY 1
) AS cells
WHERE n >= $6
