-- Creates the session's staging table for COPY (dropped at commit or rollback); returns nothing.
CREATE TEMP TABLE incident_staging ON COMMIT DROP AS
SELECT source_id, occurred_on, date_precision, threat, geom, geo_precision, dead, missing, dead_missing,
       survivors, quantity, route, route_family, attrs, h3_r3, h3_r4, h3_r5, h3_r6, h3_r7, h3_r8, h3_r9
FROM incidents WITH NO DATA
