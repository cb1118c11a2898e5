-- Returns, by change number, the completed imports (their metadata: file, format, dataset,
-- counts) partner $1 may receive as bundle lines {change_seq, line}; formats $11 and datasets $12
-- are never exported (licences, demo data, bundles received).
-- Parameters shared by the export queries: $1 partner state, $2 levels it may receive, $3 its
-- instance id, $4 this instance id, $5 this state, $6 this agency name, changes after $7 up to
-- $8 (change numbers), changed since $9 (NULL = any time), at most $10 rows.
SELECT m.change_seq, json_build_object(
  't', 'import', 'o', coalesce(m.origin_instance, $4), 'id', coalesce(m.origin_id, m.id::text),
  'v', coalesce(m.origin_version, m.change_seq), 'state', coalesce(m.origin_state, m.owner_state, $5),
  'agency', coalesce(m.origin_agency, CASE WHEN m.owner_agency = 1 THEN $6 ELSE a.name END),
  'sharing', m.sharing, 'partners', m.partners, 'file_name', m.file_name, 'format', m.format,
  'dataset', m.source_dataset, 'checksum', m.checksum, 'rows_read', m.rows_read, 'inserted', m.inserted,
  'updated', m.updated, 'unchanged', m.unchanged, 'rejected', m.rejected,
  'started_at', m.started_at, 'finished_at', m.finished_at
)::text AS line
FROM imports m
JOIN agencies a ON a.id = m.owner_agency
WHERE m.status = 'completed' AND ((m.sharing = 'public' AND 'public' = ANY ($2::text[]))
       OR (m.sharing = 'regional' AND 'regional' = ANY ($2::text[]))
       OR (m.sharing = 'bilateral' AND 'bilateral' = ANY ($2::text[])
           AND ($1 = ANY (m.partners) OR coalesce(m.origin_state, m.owner_state, $5) = $1)))
  AND m.origin_instance IS DISTINCT FROM $3
  AND m.change_seq > $7 AND m.change_seq <= $8
  AND ($9::timestamptz IS NULL OR m.changed_at >= $9)
  AND m.format <> ALL ($11::text[]) AND m.source_dataset <> ALL ($12::text[])
ORDER BY m.change_seq
LIMIT $10
