-- Records an import that put nothing in (strict rejection or fatal error); returns its id.
-- $1 file name, $2 format, $3 dataset, $4 checksum, $5 strict, $6 status, $7 rows_read,
-- $8 rejected, $9 rejections (JSON array), $10 error message, $11 started_at, $12..$15 owner
-- agency, owner state, sharing, partners, $16 mapping (JSON), $17 header key.
INSERT INTO imports (file_name, format, source_dataset, checksum, strict, status, rows_read, rejected, rejections, error, started_at,
                     owner_agency, owner_state, sharing, partners, mapping, header_key)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13, $14, $15, $16::jsonb, $17)
RETURNING id
