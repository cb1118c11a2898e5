-- Empties the staging table between batches (TRUNCATE: no dead rows left to rescan); returns nothing.
TRUNCATE incident_staging
