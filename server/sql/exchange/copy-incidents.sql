-- COPY target (text format) for incidents of a bundle from origins of which nothing is held here
-- (server driver, outside row-level security; elsewhere merge-incidents.sql): one
-- line per incident, columns as listed; encoded by server/exchange/copy-lines.ts.
COPY incidents (source_dataset, source_id, import_id, occurred_on, date_precision, threat, geom, geo_precision, dead, missing,
                dead_missing, survivors, quantity, route, route_family, attrs, h3_r3, h3_r4, h3_r5, h3_r6, h3_r7, h3_r8, h3_r9,
                owner_agency, owner_state, sharing, partners, origin_instance, origin_id, origin_version, origin_state, origin_agency)
FROM STDIN
