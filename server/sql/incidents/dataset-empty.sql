-- Returns one row {empty}: whether dataset $1 has no incidents yet (the import may COPY directly).
SELECT NOT EXISTS (SELECT 1 FROM incidents WHERE source_dataset = $1) AS empty
