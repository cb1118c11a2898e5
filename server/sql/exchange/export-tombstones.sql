-- Returns, by change number, the deletions partner $1 may learn of (those of records it may
-- receive), as lines {change_seq, line}; agency $6 is the sender (this instance).
-- Parameters shared by the export queries: $1 partner state, $2 levels it may receive, $3 its
-- instance id, $4 this instance id, $5 this state, $6 this agency name, changes after $7 up to
-- $8 (change numbers), changed since $9 (NULL = any time), at most $10 rows.
SELECT t.change_seq, json_build_object(
  't', 'tombstone', 'kind', t.kind, 'o', coalesce(t.origin_instance, $4), 'id', t.origin_id,
  'v', t.origin_version, 'source_id', t.source_id, 'state', coalesce(t.origin_state, t.owner_state, $5),
  'sharing', t.sharing, 'partners', t.partners, 'agency', $6::text
)::text AS line
FROM exchange_tombstones t
WHERE ((t.sharing = 'public' AND 'public' = ANY ($2::text[]))
       OR (t.sharing = 'regional' AND 'regional' = ANY ($2::text[]))
       OR (t.sharing = 'bilateral' AND 'bilateral' = ANY ($2::text[])
           AND ($1 = ANY (t.partners) OR coalesce(t.origin_state, t.owner_state, $5) = $1)))
  AND t.origin_instance IS DISTINCT FROM $3
  AND t.change_seq > $7 AND t.change_seq <= $8
  AND ($9::timestamptz IS NULL OR t.deleted_at >= $9)
ORDER BY t.change_seq
LIMIT $10
