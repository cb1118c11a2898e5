-- Returns the bounding box (west, south, east, north; degrees) of the countries $1 (ISO3 array).
SELECT ST_XMin(e) AS west, ST_YMin(e) AS south, ST_XMax(e) AS east, ST_YMax(e) AS north
FROM (SELECT ST_Extent(geom)::geometry AS e FROM countries WHERE iso3 = ANY ($1::text[])) AS x
WHERE e IS NOT NULL
