-- Opens an import record inside the import's transaction; returns its id. $1 file name, $2 format,
-- $3 dataset, $4 checksum, $5 strict, $6 started_at, $7..$10 owner agency, owner state, sharing,
-- partners, $11 mapping (JSON), $12 header key. finish.sql fills in the counts.
INSERT INTO imports (file_name, format, source_dataset, checksum, strict, status, started_at, owner_agency, owner_state, sharing, partners, mapping, header_key)
VALUES ($1, $2, $3, $4, $5, 'completed', $6, $7, $8, $9, $10, $11::jsonb, $12)
RETURNING id
