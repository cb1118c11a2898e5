-- Returns what credits-rollup.sql returns, {dataset, credit, url} of every dataset with an
-- incident matching the filters, when it is asked over the whole zone for all time: a dataset
-- matches when one of its all-time res-5 rollup rows matches threats $1 and route families $3
-- (datasets $2). A LATERAL probe per dataset stops at its first row (LIMIT 1 keeps the planner
-- from turning it into a join that hashes every res-5 row, as credits-rollup.sql's EXISTS does).
-- Run with JIT off (rollup-read-settings.sql): the never-analysed sources table is estimated at ~500 rows, which
-- prices the probes above jit_above_cost, and compiling costs ~150 ms against a few ms of work.
SELECT s.dataset, s.credit, s.url
FROM sources s
CROSS JOIN LATERAL (
  SELECT 1
  FROM incident_cells c
  WHERE c.source_dataset = s.dataset AND c.h3_res = 5 AND c.month IS NULL
    AND ($1::text[] IS NULL OR c.threat = ANY ($1))
    AND ($3::text[] IS NULL OR c.route_family = ANY ($3))
  LIMIT 1
) AS hit
WHERE ($2::text[] IS NULL OR s.dataset = ANY ($2))
ORDER BY s.dataset
