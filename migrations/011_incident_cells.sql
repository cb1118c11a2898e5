-- Issue 17: a cell rollup of incidents, so hotspots, trends, hotspot tiles, patrol demand and
-- static maps read thousands of pre-aggregated rows instead of grouping millions of incidents.
--
-- One row per (H3 resolution, cell, month or all time, threat, dataset, route family, year-precise
-- or not, sharing scope): counts, the sums a hotspot metric can ask for, and the bounding box of
-- the points that ever went in (degrees, EPSG:4326). Kept in the same transaction as every write
-- to incidents by statement-level triggers over the transition tables, so the importer, edits,
-- deletions and the exchange merge maintain it without knowing about it. docs/hotspots.md
-- ("The cell rollup") says how a query reads it and when it falls back to the rows.
--
-- Grains: `month IS NULL` rows count all time at res 5..7, monthly rows exist at res 5 only. Res 3
-- and 4 are read from the res-5 rows (an H3 parent is bit arithmetic on the index); a cell-month
-- at res 6, or a cell at res 8, holds about one incident: no fewer rows than the incidents, so
-- those queries read the incidents (through their indexes) and the writes stay cheap.
-- The sharing scope (owner_agency, owner_state, sharing, partners) is part of the key, so the read
-- policy of incidents applies to the rollup unchanged: a reader sums only rows it may read.
-- Under Citus: distributed by `cell` (docs/citus.md).
CREATE TABLE incident_cells (
  h3_res          smallint NOT NULL CHECK (h3_res BETWEEN 5 AND 7),
  -- the H3 index as the bigint of incidents.h3_rN
  cell            bigint NOT NULL,
  -- first day of the month; NULL: all time
  month           date,
  threat          text NOT NULL,
  source_dataset  text NOT NULL,
  route_family    text,
  -- date_precision = 'year' (left out of trends: such a date has no month)
  year_precise    boolean NOT NULL,
  owner_agency    bigint NOT NULL,
  owner_state     text,
  sharing         text NOT NULL,
  partners        text[] NOT NULL,
  n               bigint NOT NULL,
  -- sums of the incidents' fields, NULL counted as 0 (as cells.sql's COALESCE(sum(…), 0))
  dead            bigint NOT NULL,
  missing         bigint NOT NULL,
  dead_missing    bigint NOT NULL,
  survivors       bigint NOT NULL,
  quantity        double precision NOT NULL,
  -- bounding box of every point that went in, degrees; never shrunk on delete, so it always
  -- holds the points still counted (and never leaves the cell)
  west            double precision NOT NULL,
  south           double precision NOT NULL,
  east            double precision NOT NULL,
  north           double precision NOT NULL
);
CREATE UNIQUE INDEX incident_cells_key ON incident_cells
  (h3_res, month, cell, threat, source_dataset, route_family, year_precise, owner_agency, owner_state, sharing, partners) NULLS NOT DISTINCT;
-- the grains are correlated (most rows are monthly res-5 ones): without joint statistics the
-- planner takes `h3_res = 5 AND month IS NULL` for ~15% of the table and scans all of it
CREATE STATISTICS incident_cells_grain_stats (mcv) ON h3_res, month FROM incident_cells;
-- rows whose incidents were all deleted, swept after each delete or update statement
CREATE INDEX incident_cells_empty_idx ON incident_cells (h3_res) WHERE n = 0;

-- Adds the transition table's rows (+1 inserted, −1 deleted, both for an update) to the rollup,
-- netted per key in one upsert. Rows of different datasets or owners never share a key, and
-- two writers of one dataset and owner already conflict on the incidents' own unique key. The
-- transition tables are named by the trigger, so the statement is built per kind (EXECUTE sees
-- them too). SECURITY DEFINER: a request that writes incidents as
-- sahel_request updates the rollup as its owner (the table has no write policy).
CREATE FUNCTION incident_cells_apply() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  delta text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT i.*, 1 AS sign FROM new_rows i'
    WHEN 'DELETE' THEN 'SELECT i.*, -1 AS sign FROM old_rows i'
    ELSE 'SELECT i.*, -1 AS sign FROM old_rows i UNION ALL SELECT i.*, 1 AS sign FROM new_rows i' END;
BEGIN
  EXECUTE format($sql$
    INSERT INTO incident_cells AS c
    SELECT g.h3_res, g.cell, g.month, g.threat, g.source_dataset, g.route_family, g.year_precise, g.owner_agency, g.owner_state,
           g.sharing, g.partners, sum(g.sign), sum(g.sign * g.dead), sum(g.sign * g.missing), sum(g.sign * g.dead_missing),
           sum(g.sign * g.survivors), sum(g.sign * g.quantity), min(g.lng), min(g.lat), max(g.lng), max(g.lat)
    FROM (
      SELECT r.res AS h3_res,
             CASE r.res WHEN 5 THEN i.h3_r5 WHEN 6 THEN i.h3_r6 ELSE i.h3_r7 END AS cell,
             CASE WHEN r.monthly THEN date_trunc('month', i.occurred_on)::date END AS month,
             i.threat, i.source_dataset, i.route_family, i.date_precision = 'year' AS year_precise, i.owner_agency, i.owner_state,
             i.sharing, i.partners, i.sign, COALESCE(i.dead, 0) AS dead, COALESCE(i.missing, 0) AS missing,
             COALESCE(i.dead_missing, 0) AS dead_missing, COALESCE(i.survivors, 0) AS survivors, COALESCE(i.quantity, 0) AS quantity,
             ST_X(i.geom) AS lng, ST_Y(i.geom) AS lat
      FROM (%s) AS i
      CROSS JOIN (VALUES (5, false), (6, false), (7, false), (5, true)) AS r (res, monthly)
    ) AS g
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    ON CONFLICT (h3_res, month, cell, threat, source_dataset, route_family, year_precise, owner_agency, owner_state, sharing, partners)
    DO UPDATE SET n = c.n + EXCLUDED.n, dead = c.dead + EXCLUDED.dead, missing = c.missing + EXCLUDED.missing,
      dead_missing = c.dead_missing + EXCLUDED.dead_missing, survivors = c.survivors + EXCLUDED.survivors,
      quantity = c.quantity + EXCLUDED.quantity, west = least(c.west, EXCLUDED.west), south = least(c.south, EXCLUDED.south),
      east = greatest(c.east, EXCLUDED.east), north = greatest(c.north, EXCLUDED.north)
  $sql$, delta);
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM incident_cells WHERE n = 0;
  END IF;
  RETURN NULL;
END
$fn$;

CREATE FUNCTION incident_cells_truncate() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  TRUNCATE incident_cells;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER incident_cells_insert AFTER INSERT ON incidents
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_cells_apply();
CREATE TRIGGER incident_cells_update AFTER UPDATE ON incidents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_cells_apply();
CREATE TRIGGER incident_cells_delete AFTER DELETE ON incidents
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_cells_apply();
CREATE TRIGGER incident_cells_truncate AFTER TRUNCATE ON incidents
  FOR EACH STATEMENT EXECUTE FUNCTION incident_cells_truncate();

-- The incidents already stored.
INSERT INTO incident_cells
SELECT r.res, CASE r.res WHEN 5 THEN i.h3_r5 WHEN 6 THEN i.h3_r6 ELSE i.h3_r7 END,
       CASE WHEN r.monthly THEN date_trunc('month', i.occurred_on)::date END,
       i.threat, i.source_dataset, i.route_family, i.date_precision = 'year', i.owner_agency, i.owner_state, i.sharing, i.partners,
       count(*), COALESCE(sum(i.dead), 0), COALESCE(sum(i.missing), 0), COALESCE(sum(i.dead_missing), 0), COALESCE(sum(i.survivors), 0),
       COALESCE(sum(i.quantity), 0), min(ST_X(i.geom)), min(ST_Y(i.geom)), max(ST_X(i.geom)), max(ST_Y(i.geom))
FROM incidents i
CROSS JOIN (VALUES (5, false), (6, false), (7, false), (5, true)) AS r (res, monthly)
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11;

-- The read policy of incidents (007_access.sql), word for word: a rollup row is built from rows
-- of one sharing scope, so a reader sees it exactly when it may read those rows.
ALTER TABLE incident_cells ENABLE ROW LEVEL SECURITY;
CREATE POLICY incident_cells_read ON incident_cells FOR SELECT USING (
  sharing = 'public'
  OR ((SELECT sahel_viewer_scope()) = 'member'
      AND (sharing = 'regional'
           OR owner_agency = (SELECT sahel_viewer_agency())
           OR owner_state = (SELECT sahel_viewer_state())
           OR (sharing = 'bilateral' AND (SELECT sahel_viewer_state()) = ANY (partners)))));
GRANT SELECT ON incident_cells TO sahel_request;
