-- Inserts or refreshes catalogue routes from $1, a JSON array of {id, name, family, kind,
-- threats, direction, confidence, valid_from, valid_to, status, props, geom}, leaving alone every
-- route an analyst has edited or deleted and every route that did not change; records each new
-- version in route_versions. Each route's countries are computed here from its line against the
-- countries layer (1:10m), in the order the line first enters each, so no route crosses a country
-- it does not list. Returns the ids written.
WITH raw AS (
  SELECT r, ST_SetSRID(ST_GeomFromGeoJSON(r->>'geom'), 4326) AS geom
  FROM json_array_elements($1::json) AS r
),
input AS (
  SELECT r->>'id' AS id, r->>'name' AS name, r->>'family' AS family, r->>'kind' AS kind,
         ARRAY(SELECT json_array_elements_text(r->'threats')) AS threats,
         r->>'direction' AS direction, r->>'confidence' AS confidence,
         ARRAY(SELECT c.iso3 FROM countries c
               WHERE c.geom && raw.geom AND ST_Intersects(c.geom, raw.geom)
               ORDER BY (SELECT min(ST_LineLocatePoint(raw.geom, ST_StartPoint(d.geom)))
                         FROM ST_Dump(ST_Intersection(c.geom, raw.geom)) AS d
                         WHERE GeometryType(d.geom) = 'LINESTRING') NULLS LAST, c.iso3) AS countries,
         (r->'props')::jsonb AS props,
         (r->>'valid_from')::date AS valid_from, (r->>'valid_to')::date AS valid_to,
         coalesce(r->>'status', 'active') AS status,
         raw.geom
  FROM raw
),
written AS (
  INSERT INTO routes AS t (id, name, family, kind, threats, direction, confidence, countries, props, geom, valid_from, valid_to, status, origin, version, updated_at)
  SELECT id, name, family, kind, threats, direction, confidence, countries, props, geom, valid_from, valid_to, status, 'catalogue', 1, now() FROM input
  ON CONFLICT (id) DO UPDATE SET
    name = EXCLUDED.name, family = EXCLUDED.family, kind = EXCLUDED.kind, threats = EXCLUDED.threats,
    direction = EXCLUDED.direction, confidence = EXCLUDED.confidence, countries = EXCLUDED.countries,
    props = EXCLUDED.props, geom = EXCLUDED.geom, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
    status = EXCLUDED.status, version = t.version + 1, updated_at = now()
  WHERE NOT t.edited AND t.deleted_at IS NULL
    AND ((t.name, t.family, t.kind, t.threats, t.direction, t.confidence, t.countries, t.props, t.valid_from, t.valid_to, t.status)
           IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.family, EXCLUDED.kind, EXCLUDED.threats, EXCLUDED.direction, EXCLUDED.confidence, EXCLUDED.countries, EXCLUDED.props, EXCLUDED.valid_from, EXCLUDED.valid_to, EXCLUDED.status)
         OR NOT ST_Equals(t.geom, EXCLUDED.geom))
  RETURNING t.*
)
INSERT INTO route_versions (route_id, version, change, name, family, kind, threats, direction, confidence, countries, props, geom, valid_from, valid_to, status)
SELECT id, version, 'catalogue', name, family, kind, threats, direction, confidence, countries, props, geom, valid_from, valid_to, status FROM written
RETURNING route_id
