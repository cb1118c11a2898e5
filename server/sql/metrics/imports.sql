-- Imports by status with the rows they read, inserted, updated, left unchanged and rejected, over
-- every agency (for /metrics, on the service's own connection).
SELECT status, count(*)::int AS imports, coalesce(sum(rows_read), 0)::float8 AS rows_read,
       coalesce(sum(inserted), 0)::float8 AS inserted, coalesce(sum(updated), 0)::float8 AS updated,
       coalesce(sum(unchanged), 0)::float8 AS unchanged, coalesce(sum(rejected), 0)::float8 AS rejected
FROM imports
GROUP BY status
ORDER BY status
