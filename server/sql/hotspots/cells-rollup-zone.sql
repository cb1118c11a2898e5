-- Returns what cells-rollup.sql returns ({h3 (hex), threat, n, value}; threat '' without $7,
-- ordered by h3 and threat with $7) when it is asked over the whole zone for all time: the all-time rows
-- alone (the all-time partition of incident_cells, whose size follows the cells in use, not the
-- incidents), in one aggregation. Res $1 (3..7), threats $2, datasets $3, route families $4,
-- metric $5 (as cells.sql's $11), minimum count $6, per threat $7. n summed as int4: see
-- cells-rollup-zone-packed.sql.
SELECT to_hex(cell) AS h3, threat, n, value
FROM (
  SELECT h3_cell_parent(cell, $1::int) AS cell, CASE WHEN $7::boolean THEN threat ELSE '' END AS threat, sum(n::int)::int AS n,
         sum(CASE $5::text WHEN 'dead' THEN dead::float8 WHEN 'missing' THEN missing::float8 WHEN 'dead_missing' THEN dead_missing::float8
                           WHEN 'survivors' THEN survivors::float8 WHEN 'quantity' THEN quantity ELSE n::float8 END) AS value
  FROM incident_cells
  WHERE h3_res = CASE WHEN $1::int <= 5 THEN 5 ELSE 7 END AND month IS NULL
    AND ($2::text[] IS NULL OR threat = ANY ($2))
    AND ($3::text[] IS NULL OR source_dataset = ANY ($3))
    AND ($4::text[] IS NULL OR route_family = ANY ($4))
  GROUP BY 1, 2
) AS cells
WHERE n >= $6
-- both keys fold to constants without $7: no sort of the ~108,000 cells at res 7 (it spilled to disk)
ORDER BY CASE WHEN $7::boolean THEN to_hex(cell) END, CASE WHEN $7::boolean THEN threat END
