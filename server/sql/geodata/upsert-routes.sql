-- Inserts or refreshes catalogue routes from $1, a JSON array of {id, name, family, kind,
-- threats, direction, confidence, countries, props, geom}, leaving alone every route an analyst
-- has edited or deleted and every route that did not change; records each new version in
-- route_versions. Returns the ids written.
WITH input AS (
  SELECT r->>'id' AS id, r->>'name' AS name, r->>'family' AS family, r->>'kind' AS kind,
         ARRAY(SELECT json_array_elements_text(r->'threats')) AS threats,
         r->>'direction' AS direction, r->>'confidence' AS confidence,
         ARRAY(SELECT json_array_elements_text(r->'countries')) AS countries,
         (r->'props')::jsonb AS props,
         ST_SetSRID(ST_GeomFromGeoJSON(r->>'geom'), 4326) AS geom
  FROM json_array_elements($1::json) AS r
),
written AS (
  INSERT INTO routes AS t (id, name, family, kind, threats, direction, confidence, countries, props, geom, origin, version, updated_at)
  SELECT id, name, family, kind, threats, direction, confidence, countries, props, geom, 'catalogue', 1, now() FROM input
  ON CONFLICT (id) DO UPDATE SET
    name = EXCLUDED.name, family = EXCLUDED.family, kind = EXCLUDED.kind, threats = EXCLUDED.threats,
    direction = EXCLUDED.direction, confidence = EXCLUDED.confidence, countries = EXCLUDED.countries,
    props = EXCLUDED.props, geom = EXCLUDED.geom, version = t.version + 1, updated_at = now()
  WHERE NOT t.edited AND t.deleted_at IS NULL
    AND ((t.name, t.family, t.kind, t.threats, t.direction, t.confidence, t.countries, t.props)
           IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.family, EXCLUDED.kind, EXCLUDED.threats, EXCLUDED.direction, EXCLUDED.confidence, EXCLUDED.countries, EXCLUDED.props)
         OR NOT ST_Equals(t.geom, EXCLUDED.geom))
  RETURNING t.*
)
INSERT INTO route_versions (route_id, version, change, name, family, kind, threats, direction, confidence, countries, props, geom)
SELECT id, version, 'catalogue', name, family, kind, threats, direction, confidence, countries, props, geom FROM written
RETURNING route_id
