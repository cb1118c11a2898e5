-- Returns incident demand per H3 cell at resolution $1 (3..9) and threat: {h3 (hex, as h3-js
-- writes it), threat, n (incidents), value (n, or the sum of field $11: dead, missing,
-- dead_missing, survivors or quantity)}, for incidents matching every non-NULL filter of
-- hotspots/cells.sql: bbox $2..$5, dates $6..$7, threats $8, datasets $9, route families $10, origin $12 ('local' or an ISO3).
SELECT to_hex(cell) AS h3, threat, n, value
FROM (
  SELECT CASE $1::int WHEN 3 THEN h3_r3 WHEN 4 THEN h3_r4 WHEN 5 THEN h3_r5 WHEN 6 THEN h3_r6
                      WHEN 7 THEN h3_r7 WHEN 8 THEN h3_r8 WHEN 9 THEN h3_r9 END AS cell,
         threat,
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
    AND ($12::text IS NULL OR ($12 = 'local' AND origin_instance IS NULL) OR origin_state = $12)
  GROUP BY 1, 2
) AS cells
ORDER BY h3, threat
