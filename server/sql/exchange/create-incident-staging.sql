-- Creates the merge's staging table for a bundle's incidents (dropped at commit or rollback);
-- returns nothing. Filled by COPY in this column order (server/exchange/copy-lines.ts), then
-- merged in one statement by merge-incident-staging.sql.
CREATE TEMP TABLE incident_merge_staging ON COMMIT DROP AS
SELECT source_dataset, source_id, import_id, occurred_on, date_precision, threat, geom, geo_precision, dead, missing,
       dead_missing, survivors, quantity, route, route_family, attrs, h3_r3, h3_r4, h3_r5, h3_r6, h3_r7, h3_r8, h3_r9,
       owner_agency, owner_state, sharing, partners, origin_instance, origin_id, origin_version, origin_state, origin_agency
FROM incidents WITH NO DATA
