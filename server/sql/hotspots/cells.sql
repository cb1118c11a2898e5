-- Returns one row per H3 cell at resolution $1 (3..9) holding incidents that match every
-- non-NULL filter: {h3 (hex, as h3-js writes it), n (incidents), value (n, or the sum of field
-- $11: dead, missing, dead_missing, survivors or quantity)}. Filters: bbox $2..$5 (west, south,
-- east, north; on the point index), dates $6..$7 (inclusive), threats $8, datasets $9, route
-- families $10, origin $13 ('local': made here; an ISO3: received from that state's partners). Cells of fewer than $12 incidents are left out (public readers' minimum). The CASEs
-- on $1 and $11 fold to one column when the plan is made with the values.
SELECT to_hex(cell) AS h3, n, value
FROM (
  SELECT CASE $1::int WHEN 3 THEN h3_r3 WHEN 4 THEN h3_r4 WHEN 5 THEN h3_r5 WHEN 6 THEN h3_r6
                      WHEN 7 THEN h3_r7 WHEN 8 THEN h3_r8 WHEN 9 THEN h3_r9 END AS cell,
         count(*)::int AS n,
         COALESCE(sum(CASE $11::text WHEN 'dead' THEN dead WHEN 'missing' THEN missing WHEN 'dead_missing' THEN dead_missing
                                     WHEN 'survivors' THEN survivors WHEN 'quantity' THEN quantity ELSE 1 END), 0)::float8 AS value
  FROM incidents
  WHERE ($2::float8 IS NULL OR geom && ST_MakeEnvelope($2, $3, $4, $5, 4326))
    AND ($6::date IS NULL OR occurred_on >= $6)
    AND ($7::date IS NULL OR occurred_on <= $7)
    AND ($8::text[] IS NULL OR threat = ANY ($8))
    AND ($9::text[] IS NULL OR source_dataset = ANY ($9))
    AND ($10::text[] IS NULL OR route_family = ANY ($10))
    AND ($13::text IS NULL OR ($13 = 'local' AND origin_instance IS NULL) OR origin_state = $13)
  GROUP BY 1
) AS cells
WHERE n >= $12
