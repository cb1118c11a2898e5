-- Returns what credits.sql returns, {dataset, credit, url} of every dataset with an incident
-- matching the filters, from the cell rollup where it can tell (without scanning the incidents of
-- a dataset that has none): bbox $1..$4, threats $5, datasets $6, route families $7, and the
-- window of hotspots/cells-rollup.sql ($8 all time, $9 no whole month, months [$10, $11), edge
-- days [$12, $13) and [$14, $15]). A dataset matches when one of its res-5 rollup rows lies inside
-- the bbox; or one cut by the bbox edge holds a matching incident inside the bbox (looked up in
-- that row's box); or an incident of the edge days matches.
SELECT s.dataset, s.credit, s.url
FROM sources s
WHERE ($6::text[] IS NULL OR s.dataset = ANY ($6))
AND (EXISTS (
  SELECT 1
  FROM incident_cells c
  WHERE c.source_dataset = s.dataset AND c.h3_res = 5
    AND (CASE WHEN $8::boolean THEN c.month IS NULL
              ELSE NOT $9::boolean AND c.month IS NOT NULL AND ($10::date IS NULL OR c.month >= $10) AND ($11::date IS NULL OR c.month < $11) END)
    AND ($5::text[] IS NULL OR c.threat = ANY ($5))
    AND ($7::text[] IS NULL OR c.route_family = ANY ($7))
    AND ($1::float8 IS NULL OR (c.east >= $1 AND c.west <= $3 AND c.north >= $2 AND c.south <= $4))
    AND ($1::float8 IS NULL
         OR (c.west >= $1 AND c.east <= $3 AND c.south >= $2 AND c.north <= $4)
         OR EXISTS (
           SELECT 1 FROM incidents i
           WHERE i.geom && ST_MakeEnvelope(greatest(c.west, $1), greatest(c.south, $2), least(c.east, $3), least(c.north, $4), 4326)
             AND i.source_dataset = s.dataset AND i.h3_r5 = c.cell AND i.threat = c.threat
             AND i.route_family IS NOT DISTINCT FROM c.route_family
             AND ($8::boolean OR (($10::date IS NULL OR i.occurred_on >= $10) AND ($11::date IS NULL OR i.occurred_on < $11)))))
)
OR EXISTS (
  SELECT 1 FROM incidents i
  WHERE i.source_dataset = s.dataset
    AND (($12::date IS NOT NULL AND i.occurred_on >= $12 AND i.occurred_on < $13)
         OR ($14::date IS NOT NULL AND i.occurred_on >= $14 AND i.occurred_on <= $15))
    AND ($1::float8 IS NULL OR i.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326))
    AND ($5::text[] IS NULL OR i.threat = ANY ($5))
    AND ($7::text[] IS NULL OR i.route_family = ANY ($7))
))
ORDER BY s.dataset
