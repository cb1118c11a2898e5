-- Returns the distinct {sharing, partners} of the incidents matching the filters (as in
-- incidents/list.sql: bbox $1..$4, dates $5..$6 inclusive, threats $7, datasets $8, route
-- families $9), so a report can print the classification of the most restricted records it uses.
-- Row-level security keeps what the reader may not see out.
SELECT DISTINCT i.sharing, i.partners
FROM incidents i
WHERE ($1::float8 IS NULL OR i.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326))
  AND ($5::date IS NULL OR i.occurred_on >= $5)
  AND ($6::date IS NULL OR i.occurred_on <= $6)
  AND ($7::text[] IS NULL OR i.threat = ANY ($7))
  AND ($8::text[] IS NULL OR i.source_dataset = ANY ($8))
  AND ($9::text[] IS NULL OR i.route_family = ANY ($9))
