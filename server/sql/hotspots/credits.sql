-- Returns {dataset, credit, url} of every dataset with at least one incident matching the filters
-- of cells.sql ($1..$4 bbox, $5..$6 dates, $7 threats, $8 datasets, $9 route families, $10 origin).
SELECT s.dataset, s.credit, s.url
FROM sources s
WHERE EXISTS (
  SELECT 1 FROM incidents
  WHERE source_dataset = s.dataset
    AND ($1::float8 IS NULL OR geom && ST_MakeEnvelope($1, $2, $3, $4, 4326))
    AND ($5::date IS NULL OR occurred_on >= $5)
    AND ($6::date IS NULL OR occurred_on <= $6)
    AND ($7::text[] IS NULL OR threat = ANY ($7))
    AND ($8::text[] IS NULL OR source_dataset = ANY ($8))
    AND ($9::text[] IS NULL OR route_family = ANY ($9))
    AND ($10::text IS NULL OR ($10 = 'local' AND origin_instance IS NULL) OR origin_state = $10)
)
ORDER BY s.dataset
