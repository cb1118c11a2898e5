-- Returns the published yearly figures of route $1 (every metric), oldest year first.
SELECT year, metric, value, scope, source, source_year, url, licence
FROM route_flows
WHERE route_id = $1
ORDER BY metric, year
