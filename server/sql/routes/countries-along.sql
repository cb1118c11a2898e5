-- Returns the ISO3 codes of the countries line $1 (GeoJSON LineString) crosses, in the order the
-- line first enters each.
WITH r AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS geom)
SELECT c.iso3
FROM countries c, r
WHERE c.geom && r.geom AND ST_Intersects(c.geom, r.geom)
ORDER BY (SELECT min(ST_LineLocatePoint(r.geom, ST_StartPoint(d.geom)))
          FROM ST_Dump(ST_Intersection(c.geom, r.geom)) AS d
          WHERE GeometryType(d.geom) = 'LINESTRING') NULLS LAST, c.iso3
