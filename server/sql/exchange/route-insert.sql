-- Creates a route received from a partner under local id $1 from line $2 (a bundle route line),
-- owned by local agency $3; returns its id.
INSERT INTO routes (id, name, family, kind, threats, direction, confidence, countries, props, geom, origin, version, edited, updated_at,
                    owner_agency, owner_state, sharing, partners, origin_instance, origin_id, origin_version, origin_state, origin_agency)
SELECT $1, r->>'name', r->>'family', r->>'kind', ARRAY(SELECT json_array_elements_text(r->'threats')), r->>'direction', r->>'confidence',
       ARRAY(SELECT json_array_elements_text(r->'countries')), (r->'props')::jsonb, ST_SetSRID(ST_GeomFromGeoJSON(r->>'geom'), 4326),
       'partner', 1, true, now(), $3, r->>'state', r->>'sharing', ARRAY(SELECT json_array_elements_text(r->'partners')),
       r->>'o', r->>'id', (r->>'v')::bigint, r->>'state', r->>'agency'
FROM (SELECT $2::json AS r) AS input
RETURNING id
