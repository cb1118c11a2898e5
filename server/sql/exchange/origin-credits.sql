-- Returns {dataset, credit, url} naming each partner agency that shared incidents matching the
-- filters of hotspots/cells.sql ($1..$4 bbox, $5..$6 dates, $7 threats, $8 datasets, $9 route
-- families, $10 origin): credit "<agency> (<ISO3>)", dataset "origin:<ISO3>:<agency>", url NULL.
SELECT DISTINCT 'origin:' || origin_state || ':' || origin_agency AS dataset, origin_agency || ' (' || origin_state || ')' AS credit, NULL::text AS url
FROM incidents
WHERE origin_instance IS NOT NULL
  AND ($1::float8 IS NULL OR geom && ST_MakeEnvelope($1, $2, $3, $4, 4326))
  AND ($5::date IS NULL OR occurred_on >= $5)
  AND ($6::date IS NULL OR occurred_on <= $6)
  AND ($7::text[] IS NULL OR threat = ANY ($7))
  AND ($8::text[] IS NULL OR source_dataset = ANY ($8))
  AND ($9::text[] IS NULL OR route_family = ANY ($9))
  AND ($10::text IS NULL OR ($10 = 'local' AND origin_instance IS NULL) OR origin_state = $10)
ORDER BY 1
