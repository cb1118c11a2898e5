-- Loads places from $1, a JSON array of {id, name, alt_names, search_key, iso2, iso3, admin1,
-- rank, source, citation, lng, lat}; returns nothing. Caller deletes first.
INSERT INTO places (id, name, alt_names, search_key, iso2, iso3, admin1, rank, source, citation, geom)
SELECT (r->>'id')::int, r->>'name',
       ARRAY(SELECT json_array_elements_text(COALESCE(r->'alt_names', '[]'::json))),
       r->>'search_key', r->>'iso2', r->>'iso3', r->>'admin1', (r->>'rank')::smallint,
       r->>'source', r->>'citation',
       ST_SetSRID(ST_MakePoint((r->>'lng')::float8, (r->>'lat')::float8), 4326)
FROM json_array_elements($1::json) AS r
