-- Fills an empty cell rollup (incident_cells) from the stored incidents in one statement: the
-- grains and sums incident_cells_apply keeps (migrations/012): res 5 and 7 all time, res 5 per
-- month. For loads made with the rollup triggers off (the 10,000,000-row bench) and for a
-- rebuild on a schedule (docs/citus.md); run it after `TRUNCATE incident_cells`.
INSERT INTO incident_cells
SELECT r.res, CASE r.res WHEN 5 THEN i.h3_r5 ELSE i.h3_r7 END,
       CASE WHEN r.monthly THEN date_trunc('month', i.occurred_on)::date END,
       i.threat, i.source_dataset, i.route_family, i.date_precision = 'year', i.owner_agency, i.owner_state, i.sharing, i.partners,
       count(*), COALESCE(sum(i.dead), 0), COALESCE(sum(i.missing), 0), COALESCE(sum(i.dead_missing), 0), COALESCE(sum(i.survivors), 0),
       COALESCE(sum(i.quantity), 0), min(ST_X(i.geom)), min(ST_Y(i.geom)), max(ST_X(i.geom)), max(ST_Y(i.geom))
FROM incidents i
CROSS JOIN (VALUES (5, false), (7, false), (5, true)) AS r (res, monthly)
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
