-- Returns, by change number, the live routes drawn by analysts (here or at a partner; the
-- curated catalogue is on every instance already) partner $1 may receive, as lines {change_seq, line}.
-- Parameters shared by the export queries: $1 partner state, $2 levels it may receive, $3 its
-- instance id, $4 this instance id, $5 this state, $6 this agency name, changes after $7 up to
-- $8 (change numbers), changed since $9 (NULL = any time), at most $10 rows.
SELECT r.change_seq, json_build_object(
  't', 'route', 'o', coalesce(r.origin_instance, $4), 'id', coalesce(r.origin_id, r.id),
  'v', coalesce(r.origin_version, r.change_seq), 'state', coalesce(r.origin_state, r.owner_state, $5),
  'agency', coalesce(r.origin_agency, CASE WHEN r.owner_agency = 1 THEN $6 ELSE a.name END),
  'sharing', r.sharing, 'partners', r.partners, 'name', r.name, 'family', r.family, 'kind', r.kind,
  'threats', r.threats, 'direction', r.direction, 'confidence', r.confidence, 'countries', r.countries,
  'props', r.props, 'geom', ST_AsGeoJSON(r.geom)::json
)::text AS line
FROM routes r
JOIN agencies a ON a.id = r.owner_agency
WHERE r.deleted_at IS NULL AND r.origin IN ('analyst', 'partner') AND ((r.sharing = 'public' AND 'public' = ANY ($2::text[]))
       OR (r.sharing = 'regional' AND 'regional' = ANY ($2::text[]))
       OR (r.sharing = 'bilateral' AND 'bilateral' = ANY ($2::text[])
           AND ($1 = ANY (r.partners) OR coalesce(r.origin_state, r.owner_state, $5) = $1)))
  AND r.origin_instance IS DISTINCT FROM $3
  AND r.change_seq > $7 AND r.change_seq <= $8
  AND ($9::timestamptz IS NULL OR r.changed_at >= $9)
ORDER BY r.change_seq
LIMIT $10
