-- Returns incident $1 (an integer id given as text) as a GeoJSON-ready row, or no row.
SELECT i.id, i.source_dataset, i.source_id, to_char(i.occurred_on, 'YYYY-MM-DD') AS date, i.date_precision, i.threat, i.geo_precision,
        i.dead, i.missing, i.dead_missing, i.survivors, i.quantity, i.route, i.route_family, i.attrs, s.credit, i.origin_state, i.origin_agency,
        ST_AsGeoJSON(i.geom, 6)::json AS geometry
FROM incidents i JOIN sources s ON s.dataset = i.source_dataset
WHERE i.id::text = $1
