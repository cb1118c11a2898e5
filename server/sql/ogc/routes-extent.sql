-- Returns the spatial extent (west, south, east, north) of live routes and the span of their
-- periods: t0 the earliest valid_from, t1 the latest valid_to (NULL when a period is open-ended).
SELECT ST_XMin(e) AS w, ST_YMin(e) AS s, ST_XMax(e) AS e, ST_YMax(e) AS n,
       t0::timestamp AT TIME ZONE 'UTC' AS t0, CASE WHEN open_end THEN NULL ELSE (t1 + 1)::timestamp AT TIME ZONE 'UTC' - interval '1 second' END AS t1
FROM (SELECT ST_Extent(geom)::geometry AS e, min(valid_from) AS t0, max(valid_to) AS t1, bool_or(valid_to IS NULL) AS open_end
      FROM routes WHERE deleted_at IS NULL) AS x
