-- Returns what cells-by-bin-rollup.sql returns, {h3 (hex), bin (YYYY-MM-DD), n}, when it is asked
-- over the whole zone for all time: the monthly res-5 rows alone, in one aggregation (no bbox
-- edges, no edge days, nothing from the incidents), in no order (a sort of the ~180,000 rows of
-- res 5 by quarter took ~100 ms at 1M incidents). Res $1 (3..5), threats $2, datasets $3, route
-- families $4, bin $5 ('month' or 'quarter'), minimum count $6. Year-precise dates are left out;
-- n summed as int4 (see cells-rollup-zone-packed.sql).
SELECT to_hex(cell) AS h3, to_char(bin, 'YYYY-MM-DD') AS bin, n
FROM (
  SELECT h3_cell_parent(cell, $1::int) AS cell, date_trunc($5::text, month)::date AS bin, sum(n::int)::int AS n
  FROM incident_cells
  WHERE h3_res = 5 AND month IS NOT NULL AND NOT year_precise
    AND ($2::text[] IS NULL OR threat = ANY ($2))
    AND ($3::text[] IS NULL OR source_dataset = ANY ($3))
    AND ($4::text[] IS NULL OR route_family = ANY ($4))
  GROUP BY 1, 2
) AS cells
WHERE n >= $6
