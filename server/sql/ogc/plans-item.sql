-- Returns saved plan $1 (an integer id given as text) as a GeoJSON-ready row, or no row.
SELECT p.id, p.name, p.created_at, (p.request->>'k')::int AS k, (p.request->>'radius_km')::float8 AS radius_km,
        (p.result->>'coverage_ratio')::float8 AS coverage_ratio, jsonb_array_length(p.result->'sites') AS sites,
        (SELECT ST_AsGeoJSON(ST_Collect(ST_SetSRID(ST_MakePoint((s->>'lng')::float8, (s->>'lat')::float8), 4326)), 6)::json
         FROM jsonb_array_elements(p.result->'sites') AS s) AS geometry
FROM patrol_plans p
WHERE p.id::text = $1
