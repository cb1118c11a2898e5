-- Returns up to $11 incidents, newest first (occurred_on, id descending), after the keyset cursor
-- ($12 date, $13 id; NULL = from the start), matching every non-NULL filter: bbox $1..$4 (west,
-- south, east, north), dates $5..$6 (inclusive), threats $7, datasets $8, route families $9,
-- import $10, origin $14 ('local': made here; an ISO3: received from that state's partners). Each
-- row carries its dataset's credit line, its provenance (origin_*: NULL when made here) and its point.
SELECT i.id, i.source_dataset, i.source_id, i.import_id, to_char(i.occurred_on, 'YYYY-MM-DD') AS date, i.date_precision,
       i.threat, i.geo_precision, i.dead, i.missing, i.dead_missing, i.survivors, i.quantity, i.route, i.route_family,
       i.attrs, s.credit, i.sharing, i.partners, i.origin_instance, i.origin_state, i.origin_agency, i.origin_version,
       ST_X(i.geom) AS lng, ST_Y(i.geom) AS lat
FROM incidents i JOIN sources s ON s.dataset = i.source_dataset
WHERE ($1::float8 IS NULL OR i.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326))
  AND ($5::date IS NULL OR i.occurred_on >= $5)
  AND ($6::date IS NULL OR i.occurred_on <= $6)
  AND ($7::text[] IS NULL OR i.threat = ANY ($7))
  AND ($8::text[] IS NULL OR i.source_dataset = ANY ($8))
  AND ($9::text[] IS NULL OR i.route_family = ANY ($9))
  AND ($10::bigint IS NULL OR i.import_id = $10)
  AND ($14::text IS NULL OR ($14 = 'local' AND i.origin_instance IS NULL) OR i.origin_state = $14)
  AND ($12::date IS NULL OR (i.occurred_on, i.id) < ($12, $13::bigint))
ORDER BY i.occurred_on DESC, i.id DESC
LIMIT $11
