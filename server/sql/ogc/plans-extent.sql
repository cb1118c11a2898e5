-- Returns the spatial extent (west, south, east, north) of every saved plan's sites and the
-- interval of their save times.
SELECT ST_XMin(e) AS w, ST_YMin(e) AS s, ST_XMax(e) AS e, ST_YMax(e) AS n, t0, t1
FROM (
  SELECT ST_Extent(ST_MakePoint((s->>'lng')::float8, (s->>'lat')::float8))::geometry AS e,
         min(p.created_at) AS t0, max(p.created_at) AS t1
  FROM patrol_plans p, jsonb_array_elements(p.result->'sites') AS s
) AS x
