-- Returns, for year $1, each route's published figure of metric $2 (route_id, value, source).
SELECT route_id, value, source
FROM route_flows
WHERE year = $1 AND metric = $2
ORDER BY route_id
