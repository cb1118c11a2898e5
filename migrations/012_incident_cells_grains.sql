-- Issue 17, second pass: the cell rollup of 011 read flat and written faster.
--
-- 1. Partitioned by grain (LIST on month): the all-time rows (month IS NULL) in
--    incident_cells_all_time, the monthly rows in incident_cells_monthly. A query over all time
--    (`month IS NULL`, folded from the CASE of the rollup SQL when the plan is made with the
--    values) reads only the all-time partition, whose size follows the cells in use, not the
--    incidents: the monthly rows grow with the data (a new month per cell), the all-time rows do
--    not. The key, the policy and the queries are unchanged (they name incident_cells).
-- 2. No res-6 rows: res 6 is read from the res-7 rows (an H3 parent is bit arithmetic, as res 3
--    and 4 from res 5), so each write keeps three grains (res 5 and 7 all time, res 5 monthly).
-- 3. HOT updates: the partial index on `n = 0` made every upsert a non-HOT update (an indexed
--    column changed), writing a new entry in the 11-column key index each time. It is gone, the
--    partitions leave a third of each page free (fillfactor 70), and the trigger deletes the rows
--    it brought to 0 by their ctid instead of sweeping an index.
-- Under Citus: distributed by `cell` as before (docs/citus.md).
-- 011's columns and checks, res 5 and 7 only, monthly rows at res 5 only
CREATE TABLE incident_cells_new (LIKE incident_cells INCLUDING CONSTRAINTS) PARTITION BY LIST (month);
ALTER TABLE incident_cells_new DROP CONSTRAINT incident_cells_h3_res_check,
  ADD CONSTRAINT incident_cells_h3_res_check CHECK (h3_res IN (5, 7)),
  ADD CONSTRAINT incident_cells_monthly_res CHECK (month IS NULL OR h3_res = 5);
CREATE TABLE incident_cells_all_time PARTITION OF incident_cells_new FOR VALUES IN (NULL) WITH (fillfactor = 70);
CREATE TABLE incident_cells_monthly PARTITION OF incident_cells_new DEFAULT WITH (fillfactor = 70);

INSERT INTO incident_cells_new SELECT * FROM incident_cells WHERE h3_res IN (5, 7);
DROP TABLE incident_cells;
ALTER TABLE incident_cells_new RENAME TO incident_cells;
-- a constraint, not a bare unique index: restore (ops/restore.ts) drops and rebuilds the indexes
-- that back no constraint, and a partitioned index rebuilt from its definition would be ON ONLY
-- the parent (no index on the partitions, no arbiter for the triggers' ON CONFLICT)
ALTER TABLE incident_cells ADD CONSTRAINT incident_cells_key
  UNIQUE NULLS NOT DISTINCT (h3_res, month, cell, threat, source_dataset, route_family, year_precise, owner_agency, owner_state, sharing, partners);

-- The H3 parent at resolution res (<= the cell's) of a cell stored as bigint: the resolution
-- field (bits 52-55) set to res, the digits below res set to 7 (unused); a cell of resolution
-- res is its own parent. Plain SQL, inlined into the queries that call it.
CREATE FUNCTION h3_cell_parent(cell bigint, res int) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $fn$ SELECT (cell & ~(15::bigint << 52)) | (res::bigint << 52) | ((1::bigint << (3 * (15 - res))) - 1) $fn$;

-- As 011's, with three grains, and the rows brought to 0 deleted by ctid (per partition: a ctid
-- names a row within one table).
CREATE OR REPLACE FUNCTION incident_cells_apply() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  delta text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT i.*, 1 AS sign FROM new_rows i'
    WHEN 'DELETE' THEN 'SELECT i.*, -1 AS sign FROM old_rows i'
    ELSE 'SELECT i.*, -1 AS sign FROM old_rows i UNION ALL SELECT i.*, 1 AS sign FROM new_rows i' END;
  gone_all_time tid[];
  gone_monthly tid[];
BEGIN
  EXECUTE format($sql$
    WITH up AS (
      INSERT INTO incident_cells AS c
      SELECT g.h3_res, g.cell, g.month, g.threat, g.source_dataset, g.route_family, g.year_precise, g.owner_agency, g.owner_state,
             g.sharing, g.partners, sum(g.sign), sum(g.sign * g.dead), sum(g.sign * g.missing), sum(g.sign * g.dead_missing),
             sum(g.sign * g.survivors), sum(g.sign * g.quantity), min(g.lng), min(g.lat), max(g.lng), max(g.lat)
      FROM (
        SELECT r.res AS h3_res,
               CASE WHEN r.monthly THEN i.month END AS month,
               CASE r.res WHEN 5 THEN i.h3_r5 ELSE i.h3_r7 END AS cell,
               i.threat, i.source_dataset, i.route_family, i.year_precise, i.owner_agency, i.owner_state,
               i.sharing, i.partners, i.sign, i.dead, i.missing, i.dead_missing, i.survivors, i.quantity, i.lng, i.lat
        FROM (
          SELECT i.h3_r5, i.h3_r7, date_trunc('month', i.occurred_on)::date AS month, i.threat, i.source_dataset, i.route_family,
                 i.date_precision = 'year' AS year_precise, i.owner_agency, i.owner_state, i.sharing, i.partners, i.sign,
                 COALESCE(i.dead, 0) AS dead, COALESCE(i.missing, 0) AS missing, COALESCE(i.dead_missing, 0) AS dead_missing,
                 COALESCE(i.survivors, 0) AS survivors, COALESCE(i.quantity, 0) AS quantity, ST_X(i.geom) AS lng, ST_Y(i.geom) AS lat
          FROM (%s) AS i
        ) AS i
        CROSS JOIN (VALUES (5, false), (7, false), (5, true)) AS r (res, monthly)
      ) AS g
      -- grouped in the key index's order, so the upsert walks the index in order
      GROUP BY g.h3_res, g.month, g.cell, g.threat, g.source_dataset, g.route_family, g.year_precise, g.owner_agency, g.owner_state, g.sharing, g.partners
      ON CONFLICT (h3_res, month, cell, threat, source_dataset, route_family, year_precise, owner_agency, owner_state, sharing, partners)
      DO UPDATE SET n = c.n + EXCLUDED.n, dead = c.dead + EXCLUDED.dead, missing = c.missing + EXCLUDED.missing,
        dead_missing = c.dead_missing + EXCLUDED.dead_missing, survivors = c.survivors + EXCLUDED.survivors,
        quantity = c.quantity + EXCLUDED.quantity, west = least(c.west, EXCLUDED.west), south = least(c.south, EXCLUDED.south),
        east = greatest(c.east, EXCLUDED.east), north = greatest(c.north, EXCLUDED.north)
      RETURNING c.ctid AS t, c.month IS NULL AS all_time, c.n
    )
    SELECT array_agg(t) FILTER (WHERE n = 0 AND all_time), array_agg(t) FILTER (WHERE n = 0 AND NOT all_time) FROM up
  $sql$, delta) INTO gone_all_time, gone_monthly;
  IF gone_all_time IS NOT NULL THEN
    DELETE FROM incident_cells_all_time WHERE ctid = ANY (gone_all_time) AND n = 0;
  END IF;
  IF gone_monthly IS NOT NULL THEN
    DELETE FROM incident_cells_monthly WHERE ctid = ANY (gone_monthly) AND n = 0;
  END IF;
  RETURN NULL;
END
$fn$;

-- 011's policy and grant, on the partitioned table (the partitions are read through it only).
ALTER TABLE incident_cells ENABLE ROW LEVEL SECURITY;
CREATE POLICY incident_cells_read ON incident_cells FOR SELECT USING (
  sharing = 'public'
  OR ((SELECT sahel_viewer_scope()) = 'member'
      AND (sharing = 'regional'
           OR owner_agency = (SELECT sahel_viewer_agency())
           OR owner_state = (SELECT sahel_viewer_state())
           OR (sharing = 'bilateral' AND (SELECT sahel_viewer_state()) = ANY (partners)))));
GRANT SELECT ON incident_cells TO sahel_request;
