-- COPY target (text format) straight into incidents for the first import of a dataset, when no
-- row can conflict; dataset and import id are columns of each line. Server driver only.
COPY incidents (source_dataset, import_id, source_id, occurred_on, date_precision, threat, geom, geo_precision, dead, missing,
                dead_missing, survivors, quantity, route, route_family, attrs, h3_r3, h3_r4, h3_r5, h3_r6, h3_r7, h3_r8, h3_r9)
FROM STDIN
