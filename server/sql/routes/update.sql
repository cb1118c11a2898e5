-- Replaces route $2 (not deleted) with $1, a JSON object as in insert.sql, bumping its version
-- and marking it edited; returns its id and new version, or no row.
UPDATE routes AS t SET
  name = r->>'name', family = r->>'family', kind = r->>'kind',
  threats = ARRAY(SELECT json_array_elements_text(r->'threats')),
  direction = r->>'direction', confidence = r->>'confidence',
  countries = ARRAY(SELECT json_array_elements_text(r->'countries')),
  props = (r->'props')::jsonb, geom = ST_SetSRID(ST_GeomFromGeoJSON(r->>'geom'), 4326),
  valid_from = (r->>'valid_from')::date, valid_to = (r->>'valid_to')::date, status = coalesce(r->>'status', 'active'),
  version = t.version + 1, edited = true, updated_at = now()
FROM (SELECT $1::json AS r) AS input
WHERE t.id = $2 AND t.deleted_at IS NULL
RETURNING t.id, t.version
