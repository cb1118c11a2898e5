-- Returns import $1 with its rejections and the credit of its dataset.
SELECT i.id, i.file_name, i.format, i.source_dataset, s.credit, i.checksum, i.strict, i.status,
       i.rows_read, i.inserted, i.updated, i.unchanged, i.rejected, i.rejections, i.error,
       i.started_at, i.finished_at, i.owner_agency, i.sharing, i.partners, i.mapping
FROM imports i LEFT JOIN sources s ON s.dataset = i.source_dataset
WHERE i.id = $1
