-- Returns one row {empty}: whether agency $2's dataset $1 has no incidents yet (the import may COPY
-- directly).
SELECT NOT EXISTS (SELECT 1 FROM incidents WHERE source_dataset = $1 AND owner_agency = $2) AS empty
