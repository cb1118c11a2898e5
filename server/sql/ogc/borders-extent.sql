-- Returns the spatial extent (west, south, east, north) of the land borders; they have no time.
SELECT ST_XMin(e) AS w, ST_YMin(e) AS s, ST_XMax(e) AS e, ST_YMax(e) AS n, NULL::timestamptz AS t0, NULL::timestamptz AS t1
FROM (SELECT ST_Extent(geom)::geometry AS e FROM borders) AS x
