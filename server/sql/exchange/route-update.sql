-- Replaces route $1 (received from a partner, live) with line $2 when the line's version is newer;
-- returns its id, or no row.
UPDATE routes AS t SET
  name = r->>'name', family = r->>'family', kind = r->>'kind', threats = ARRAY(SELECT json_array_elements_text(r->'threats')),
  direction = r->>'direction', confidence = r->>'confidence', countries = ARRAY(SELECT json_array_elements_text(r->'countries')),
  props = (r->'props')::jsonb, geom = ST_SetSRID(ST_GeomFromGeoJSON(r->>'geom'), 4326),
  sharing = r->>'sharing', partners = ARRAY(SELECT json_array_elements_text(r->'partners')),
  origin_version = (r->>'v')::bigint, version = t.version + 1, updated_at = now()
FROM (SELECT $2::json AS r) AS input
WHERE t.id = $1 AND t.deleted_at IS NULL AND t.origin_version < (r->>'v')::bigint
RETURNING t.id
