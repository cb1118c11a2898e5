-- cells-rollup-zone.sql's cells (one per cell, not per threat) packed into one bytea, for the
-- answers of ~100,000 cells and more (res 7 over the zone), big-endian, in no particular order.
-- A cell's key is the H3 index shifted right past its unused trailing hex digits
-- (shared/cell-rings.ts cellKey): 4 * (15 - unused) bits, 36 at res 6 and 7, 32 at res 5.
-- With a metric: key (int8), n (int4), value (float8), 20 bytes a cell. For a count (its value is
-- n): one int8 of the key shifted left past n's bits (63 minus the key's, 27 at res 6 and 7) or'ed
-- with n, 8 bytes a cell; a cell whose n does not fit (2^27 incidents in one res-7 cell) is
-- written as its negated key (int8) then n (int4), 12 bytes. One send function per cell instead
-- of two and a concatenation: ~15 of the ~80 ms of a slice at res 7 over the zone at 10M. One row
-- of one value instead of 108,000 rows of hex text: the hex, the row protocol and the per-row
-- parse cost more than the aggregation itself.
-- Res $1 (3..7), threats $2, datasets $3, route families $4, metric $5 (as cells.sql's $11; null:
-- count), minimum count $6; slice $8 of $7 (0-based): the cells whose base cell number plus first
-- digit is $8 modulo $7, so a parent cell of res 1 or finer (3..7 here) lies in one slice with all
-- its children, and slices run at once are disjoint and complete. Null when no cell. n is summed
-- as int4 (a rollup row counts far fewer than 2^31 incidents): a sum of int8 keeps a 128-bit state
-- per cell, ~30 ms of the ~120 at res 7 over the zone.
SELECT string_agg(
         CASE WHEN $5::text IS NOT NULL THEN int8send(key) || int4send(n) || float8send(value)
              WHEN n < (1::int8 << n_bits) THEN int8send((key << n_bits) | n)
              ELSE int8send(-key) || int4send(n) END, ''::bytea) AS packed
FROM (
  SELECT cell >> (4 * unused) AS key, 63 - 4 * (15 - unused) AS n_bits, n, value
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
  CROSS JOIN (SELECT (3 * (15 - $1::int)) / 4 AS unused) AS digits
  WHERE n >= $6
) AS keyed
