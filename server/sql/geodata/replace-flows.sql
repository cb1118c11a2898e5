-- Inserts route flows from $1, a JSON array of {route_id, year, metric, value, scope, source,
-- source_year, url, licence}; returns nothing.
INSERT INTO route_flows (route_id, year, metric, value, scope, source, source_year, url, licence)
SELECT f->>'route_id', (f->>'year')::int, f->>'metric', (f->>'value')::int, f->>'scope', f->>'source',
       (f->>'source_year')::int, f->>'url', f->>'licence'
FROM json_array_elements($1::json) AS f
