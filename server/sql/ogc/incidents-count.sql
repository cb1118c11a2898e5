-- Returns n: how many incidents match bbox $1..$4, occurrence interval $5/$6, threat $7, source
-- dataset $8, route family $9 and date precision $10 and origin $11 (NULL = any).
SELECT count(*)::int AS n
FROM incidents i
WHERE ($1::float8 IS NULL OR i.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326))
  AND ($5::timestamptz IS NULL OR i.occurred_on >= ($5::timestamptz AT TIME ZONE 'UTC')::date)
  AND ($6::timestamptz IS NULL OR i.occurred_on <= ($6::timestamptz AT TIME ZONE 'UTC')::date)
  AND ($7::text IS NULL OR i.threat = $7) AND ($8::text IS NULL OR i.source_dataset = $8)
  AND ($9::text IS NULL OR i.route_family = $9) AND ($10::text IS NULL OR i.date_precision = $10)
  AND ($11::text IS NULL OR ($11 = 'local' AND i.origin_instance IS NULL) OR i.origin_state = $11)
