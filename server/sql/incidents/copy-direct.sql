-- COPY target (text format) straight into incidents for the first import of a dataset, when no
-- row can conflict; dataset, import id and the owner columns lead each line. Server driver only,
-- and only outside row-level security (PostgreSQL refuses COPY FROM into a table with policies).
COPY incidents (source_dataset, import_id, owner_agency, owner_state, sharing, partners, source_id, occurred_on, date_precision, threat, geom, geo_precision, dead, missing,
                dead_missing, survivors, quantity, route, route_family, attrs, h3_r3, h3_r4, h3_r5, h3_r6, h3_r7, h3_r8, h3_r9)
FROM STDIN
