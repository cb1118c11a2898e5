-- Returns the spatial extent (west, south, east, north) and occurrence interval of the incidents.
SELECT ST_XMin(e) AS w, ST_YMin(e) AS s, ST_XMax(e) AS e, ST_YMax(e) AS n, t0, t1
FROM (SELECT ST_Extent(geom)::geometry AS e, min(occurred_on)::timestamptz AS t0, max(occurred_on)::timestamptz AS t1 FROM incidents) AS x
