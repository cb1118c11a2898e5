-- Returns the latest $1 imports, newest first, without their rejection lists.
SELECT i.id, i.file_name, i.format, i.source_dataset, s.credit, i.checksum, i.strict, i.status,
       i.rows_read, i.inserted, i.updated, i.unchanged, i.rejected, i.error, i.started_at, i.finished_at,
       i.owner_agency, i.sharing, i.partners, i.mapping
FROM imports i LEFT JOIN sources s ON s.dataset = i.source_dataset
ORDER BY i.id DESC
LIMIT $1
