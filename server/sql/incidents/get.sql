-- Returns incident $1 with its dataset's credit line, its provenance (origin_*: NULL when made
-- here) and its point as lng/lat.
SELECT i.id, i.source_dataset, i.source_id, i.import_id, to_char(i.occurred_on, 'YYYY-MM-DD') AS date, i.date_precision,
       i.threat, i.geo_precision, i.dead, i.missing, i.dead_missing, i.survivors, i.quantity, i.route, i.route_family,
       i.attrs, s.credit, i.sharing, i.partners, i.origin_instance, i.origin_state, i.origin_agency, i.origin_version,
       ST_X(i.geom) AS lng, ST_Y(i.geom) AS lat
FROM incidents i JOIN sources s ON s.dataset = i.source_dataset
WHERE i.id = $1
