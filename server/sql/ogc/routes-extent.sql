-- Returns the spatial extent (west, south, east, north) and updated_at interval of live routes.
SELECT ST_XMin(e) AS w, ST_YMin(e) AS s, ST_XMax(e) AS e, ST_YMax(e) AS n, t0, t1
FROM (SELECT ST_Extent(geom)::geometry AS e, min(updated_at) AS t0, max(updated_at) AS t1 FROM routes WHERE deleted_at IS NULL) AS x
