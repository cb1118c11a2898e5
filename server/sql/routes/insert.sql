-- Creates an analyst's route from $1, a JSON object {id, name, family, kind, threats, direction,
-- confidence, countries, props, geom (GeoJSON)}; returns its id and version.
INSERT INTO routes (id, name, family, kind, threats, direction, confidence, countries, props, geom, origin, version, edited, updated_at)
SELECT r->>'id', r->>'name', r->>'family', r->>'kind',
       ARRAY(SELECT json_array_elements_text(r->'threats')), r->>'direction', r->>'confidence',
       ARRAY(SELECT json_array_elements_text(r->'countries')), (r->'props')::jsonb,
       ST_SetSRID(ST_GeomFromGeoJSON(r->>'geom'), 4326), 'analyst', 1, true, now()
FROM (SELECT $1::json AS r) AS input
RETURNING id, version
