-- Returns, by change number, the incidents partner $1 may receive as bundle lines {change_seq,
-- dataset, line}: national never, bilateral only when it names the partner's state, imports of a
-- dataset whose licence forbids redistribution (formats $11, datasets $12) never.
-- Parameters shared by the export queries: $1 partner state, $2 levels it may receive, $3 its
-- instance id, $4 this instance id, $5 this state, $6 this agency name, changes after $7 up to
-- $8 (change numbers), changed since $9 (NULL = any time), at most $10 rows.
SELECT i.change_seq, i.source_dataset AS dataset, json_build_object(
  't', 'incident', 'o', coalesce(i.origin_instance, $4), 'id', coalesce(i.origin_id, i.id::text),
  'v', coalesce(i.origin_version, i.change_seq), 'state', coalesce(i.origin_state, i.owner_state, $5),
  'agency', coalesce(i.origin_agency, CASE WHEN i.owner_agency = 1 THEN $6 ELSE a.name END),
  'sharing', i.sharing, 'partners', i.partners, 'imp', coalesce(imp.origin_id, imp.id::text),
  'dataset', i.source_dataset, 'source_id', i.source_id, 'date', to_char(i.occurred_on, 'YYYY-MM-DD'),
  'date_precision', i.date_precision, 'threat', i.threat, 'lng', ST_X(i.geom), 'lat', ST_Y(i.geom),
  'geo_precision', i.geo_precision, 'dead', i.dead, 'missing', i.missing, 'dead_missing', i.dead_missing,
  'survivors', i.survivors, 'quantity', i.quantity, 'route', i.route, 'route_family', i.route_family, 'attrs', i.attrs,
  'h3', json_build_array(i.h3_r3::text, i.h3_r4::text, i.h3_r5::text, i.h3_r6::text, i.h3_r7::text, i.h3_r8::text, i.h3_r9::text)
)::text AS line
FROM incidents i
JOIN agencies a ON a.id = i.owner_agency
JOIN imports imp ON imp.id = i.import_id
WHERE ((i.sharing = 'public' AND 'public' = ANY ($2::text[]))
       OR (i.sharing = 'regional' AND 'regional' = ANY ($2::text[]))
       OR (i.sharing = 'bilateral' AND 'bilateral' = ANY ($2::text[])
           AND ($1 = ANY (i.partners) OR coalesce(i.origin_state, i.owner_state, $5) = $1)))
  AND i.origin_instance IS DISTINCT FROM $3
  AND i.change_seq > $7 AND i.change_seq <= $8
  AND ($9::timestamptz IS NULL OR i.changed_at >= $9)
  AND imp.format <> ALL ($11::text[]) AND i.source_dataset <> ALL ($12::text[])
ORDER BY i.change_seq
LIMIT $10
