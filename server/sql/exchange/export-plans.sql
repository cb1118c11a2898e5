-- Returns, by change number, the saved patrol plans partner $1 may receive, as lines {change_seq, line}.
-- Parameters shared by the export queries: $1 partner state, $2 levels it may receive, $3 its
-- instance id, $4 this instance id, $5 this state, $6 this agency name, changes after $7 up to
-- $8 (change numbers), changed since $9 (NULL = any time), at most $10 rows.
SELECT p.change_seq, json_build_object(
  't', 'plan', 'o', coalesce(p.origin_instance, $4), 'id', coalesce(p.origin_id, p.id::text),
  'v', coalesce(p.origin_version, p.change_seq), 'state', coalesce(p.origin_state, p.owner_state, $5),
  'agency', coalesce(p.origin_agency, CASE WHEN p.owner_agency = 1 THEN $6 ELSE a.name END),
  'sharing', p.sharing, 'partners', p.partners, 'name', p.name, 'request', p.request, 'result', p.result,
  'created_at', p.created_at
)::text AS line
FROM patrol_plans p
JOIN agencies a ON a.id = p.owner_agency
WHERE ((p.sharing = 'public' AND 'public' = ANY ($2::text[]))
       OR (p.sharing = 'regional' AND 'regional' = ANY ($2::text[]))
       OR (p.sharing = 'bilateral' AND 'bilateral' = ANY ($2::text[])
           AND ($1 = ANY (p.partners) OR coalesce(p.origin_state, p.owner_state, $5) = $1)))
  AND p.origin_instance IS DISTINCT FROM $3
  AND p.change_seq > $7 AND p.change_seq <= $8
  AND ($9::timestamptz IS NULL OR p.changed_at >= $9)
ORDER BY p.change_seq
LIMIT $10
