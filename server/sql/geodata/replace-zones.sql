-- Loads operational zones from $1, a JSON array of {id, name, definition, geom}; returns nothing.
-- Caller deletes first.
INSERT INTO zones (id, name, definition, geom)
SELECT r->>'id', r->>'name', r->>'definition', ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(r->>'geom'), 4326))
FROM json_array_elements($1::json) AS r
