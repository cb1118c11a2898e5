-- Returns one row per H3 cell at resolution $1 and time bin ($11: 'month' or 'quarter') holding
-- matching incidents: {h3 (hex), bin (first day, YYYY-MM-DD), n}. Filters as in cells.sql:
-- bbox $2..$5, dates $6..$7, threats $8, datasets $9, route families $10, origin $13. Year-precise dates
-- are left out: they cannot be placed in a month or quarter. Cell-bins of fewer than $12
-- incidents are left out (public readers' minimum).
SELECT to_hex(cell) AS h3, to_char(bin, 'YYYY-MM-DD') AS bin, n
FROM (
  SELECT CASE $1::int WHEN 3 THEN h3_r3 WHEN 4 THEN h3_r4 WHEN 5 THEN h3_r5 WHEN 6 THEN h3_r6
                      WHEN 7 THEN h3_r7 WHEN 8 THEN h3_r8 WHEN 9 THEN h3_r9 END AS cell,
         date_trunc($11::text, occurred_on)::date AS bin,
         count(*)::int AS n
  FROM incidents
  WHERE ($2::float8 IS NULL OR geom && ST_MakeEnvelope($2, $3, $4, $5, 4326))
    AND ($6::date IS NULL OR occurred_on >= $6)
    AND ($7::date IS NULL OR occurred_on <= $7)
    AND ($8::text[] IS NULL OR threat = ANY ($8))
    AND ($9::text[] IS NULL OR source_dataset = ANY ($9))
    AND ($10::text[] IS NULL OR route_family = ANY ($10))
    AND ($13::text IS NULL OR ($13 = 'local' AND origin_instance IS NULL) OR origin_state = $13)
    AND date_precision <> 'year'
  GROUP BY 1, 2
) AS cells
WHERE n >= $12
ORDER BY bin
