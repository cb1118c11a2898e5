-- Returns a page of incidents for OGC API Features, ordered by id. $1..$4 bbox (NULL =
-- anywhere), $5/$6 interval the occurrence date must fall in (NULL = open), $7 page size, $8
-- 'next' (ids after $9, NULL = from the start) or 'prev' (ids before $9, last first), $10 threat,
-- $11 source dataset, $12 route family, $13 date precision, $14 origin ('local': made here; an ISO3: received from that state's
-- partners) (NULL = any).
(SELECT i.id, i.source_dataset, i.source_id, to_char(i.occurred_on, 'YYYY-MM-DD') AS date, i.date_precision, i.threat, i.geo_precision,
        i.dead, i.missing, i.dead_missing, i.survivors, i.quantity, i.route, i.route_family, i.attrs, s.credit, i.origin_state, i.origin_agency,
        ST_AsGeoJSON(i.geom, 6)::json AS geometry
 FROM incidents i JOIN sources s ON s.dataset = i.source_dataset
 WHERE ($1::float8 IS NULL OR i.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326))
   AND ($5::timestamptz IS NULL OR i.occurred_on >= ($5::timestamptz AT TIME ZONE 'UTC')::date)
   AND ($6::timestamptz IS NULL OR i.occurred_on <= ($6::timestamptz AT TIME ZONE 'UTC')::date)
   AND ($10::text IS NULL OR i.threat = $10) AND ($11::text IS NULL OR i.source_dataset = $11)
   AND ($12::text IS NULL OR i.route_family = $12) AND ($13::text IS NULL OR i.date_precision = $13)
   AND ($14::text IS NULL OR ($14 = 'local' AND i.origin_instance IS NULL) OR i.origin_state = $14)
   AND $8 = 'next' AND ($9::bigint IS NULL OR i.id > $9::bigint)
 ORDER BY i.id LIMIT $7)
UNION ALL
(SELECT i.id, i.source_dataset, i.source_id, to_char(i.occurred_on, 'YYYY-MM-DD') AS date, i.date_precision, i.threat, i.geo_precision,
        i.dead, i.missing, i.dead_missing, i.survivors, i.quantity, i.route, i.route_family, i.attrs, s.credit, i.origin_state, i.origin_agency,
        ST_AsGeoJSON(i.geom, 6)::json AS geometry
 FROM incidents i JOIN sources s ON s.dataset = i.source_dataset
 WHERE ($1::float8 IS NULL OR i.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326))
   AND ($5::timestamptz IS NULL OR i.occurred_on >= ($5::timestamptz AT TIME ZONE 'UTC')::date)
   AND ($6::timestamptz IS NULL OR i.occurred_on <= ($6::timestamptz AT TIME ZONE 'UTC')::date)
   AND ($10::text IS NULL OR i.threat = $10) AND ($11::text IS NULL OR i.source_dataset = $11)
   AND ($12::text IS NULL OR i.route_family = $12) AND ($13::text IS NULL OR i.date_precision = $13)
   AND ($14::text IS NULL OR ($14 = 'local' AND i.origin_instance IS NULL) OR i.origin_state = $14)
   AND $8 = 'prev' AND i.id < $9::bigint
 ORDER BY i.id DESC LIMIT $7)
