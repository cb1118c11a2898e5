-- Loads countries from $1, a JSON array of {iso3, iso2, name_en, name_fr, name_ar, member,
-- geom, geom_display} with GeoJSON geometries; returns nothing. Caller deletes first.
INSERT INTO countries (iso3, iso2, name_en, name_fr, name_ar, member, geom, geom_display)
SELECT r->>'iso3', r->>'iso2', r->>'name_en', r->>'name_fr', r->>'name_ar', (r->>'member')::boolean,
       ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(r->>'geom'), 4326)),
       ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(r->>'geom_display'), 4326))
FROM json_array_elements($1::json) AS r
