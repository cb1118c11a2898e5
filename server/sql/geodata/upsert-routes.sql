-- Inserts or updates catalogue routes from $1, a JSON array of {id, name, family, kind, threats,
-- direction, confidence, countries, props, geom}; returns nothing.
INSERT INTO routes (id, name, family, kind, threats, direction, confidence, countries, props, geom, updated_at)
SELECT r->>'id', r->>'name', r->>'family', r->>'kind',
       ARRAY(SELECT json_array_elements_text(r->'threats')),
       r->>'direction', r->>'confidence',
       ARRAY(SELECT json_array_elements_text(r->'countries')),
       (r->'props')::jsonb,
       ST_SetSRID(ST_GeomFromGeoJSON(r->>'geom'), 4326), now()
FROM json_array_elements($1::json) AS r
ON CONFLICT (id) DO UPDATE SET
  name = EXCLUDED.name, family = EXCLUDED.family, kind = EXCLUDED.kind, threats = EXCLUDED.threats,
  direction = EXCLUDED.direction, confidence = EXCLUDED.confidence, countries = EXCLUDED.countries,
  props = EXCLUDED.props, geom = EXCLUDED.geom, updated_at = now()
