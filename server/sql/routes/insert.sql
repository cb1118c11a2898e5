-- Creates an analyst's route from $1, a JSON object {id, name, family, kind, threats, direction,
-- confidence, countries, props, geom (GeoJSON), valid_from?, valid_to?, status?}, owned by agency $2 (state $3), shared at $4 with
-- partners $5; returns its id and version.
INSERT INTO routes (id, name, family, kind, threats, direction, confidence, countries, props, geom, valid_from, valid_to, status, origin, version, edited, updated_at,
                    owner_agency, owner_state, sharing, partners)
SELECT r->>'id', r->>'name', r->>'family', r->>'kind',
       ARRAY(SELECT json_array_elements_text(r->'threats')), r->>'direction', r->>'confidence',
       ARRAY(SELECT json_array_elements_text(r->'countries')), (r->'props')::jsonb,
       ST_SetSRID(ST_GeomFromGeoJSON(r->>'geom'), 4326),
       (r->>'valid_from')::date, (r->>'valid_to')::date, coalesce(r->>'status', 'active'), 'analyst', 1, true, now(),
       $2, $3, $4, $5
FROM (SELECT $1::json AS r) AS input
RETURNING id, version
