-- Issue 17, third pass: the cell rollup kept once per transaction instead of once per statement.
--
-- 012's statement triggers upserted the rollup after every statement: an import COPYing in
-- batches of 20,000 rows upserted each of its cells (three grains: res 5 and 7 all time, res 5
-- per month) once per batch, ~55,000 upserts per batch, most of them probing the 11-column key
-- index of rows the next batch would update again. Here a statement only appends its rows, cut
-- to the columns the rollup needs, signed (+1 new, −1 old), to incident_cells_pending; once per
-- transaction, at commit, a deferred constraint trigger nets everything pending per key and
-- upserts each key once, in the key index's order. The rollup is still written in the writer's
-- transaction (at its commit, before it becomes visible): a crash or a rollback undoes rows and
-- rollup together, and another reader never sees one without the other. Inside the writing
-- transaction the rollup shows the writes only after its commit (nothing in the service reads
-- hotspots inside a write); `SET CONSTRAINTS incident_cells_merge IMMEDIATE` merges at once.
--
-- incident_cells_pending is empty outside a writing transaction: every transaction that adds to
-- it merges and deletes its own rows before it commits (a rollback or crash discards them), and
-- another transaction's rows are invisible to it until that commit, so each merge reads exactly
-- its own. UNLOGGED: the rows never outlive the transaction, so they need no WAL. One row of
-- incident_cells_merge per transaction queues the deferred merge: a statement adds it when it sees
-- none (its own, not yet merged), so the merge runs once however many statements wrote.
CREATE UNLOGGED TABLE incident_cells_pending (
  -- +1 a row added, −1 a row removed (an update is both)
  sign            smallint NOT NULL,
  h3_r5           bigint NOT NULL,
  h3_r7           bigint NOT NULL,
  -- first day of the incident's month
  month           date NOT NULL,
  threat          text NOT NULL,
  source_dataset  text NOT NULL,
  route_family    text,
  year_precise    boolean NOT NULL,
  owner_agency    bigint NOT NULL,
  owner_state     text,
  sharing         text NOT NULL,
  partners        text[] NOT NULL,
  -- the incident's fields, NULL as 0 (as the rollup sums them)
  dead            bigint NOT NULL,
  missing         bigint NOT NULL,
  dead_missing    bigint NOT NULL,
  survivors       bigint NOT NULL,
  quantity        double precision NOT NULL,
  -- the point, degrees (EPSG:4326)
  lng             double precision NOT NULL,
  lat             double precision NOT NULL
);

-- one row per transaction with a merge pending; `removed`: some pending row has sign −1, so
-- rollup rows may reach 0 and must be deleted (a pure import skips that)
CREATE UNLOGGED TABLE incident_cells_merge (removed boolean NOT NULL);

-- After each statement on incidents: its transition rows, signed and cut to the rollup's columns,
-- appended to the pending deltas; the first statement of a transaction queues the merge.
CREATE OR REPLACE FUNCTION incident_cells_apply() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  cut text := $sql$
    INSERT INTO incident_cells_pending
    SELECT %s, i.h3_r5, i.h3_r7, date_trunc('month', i.occurred_on)::date, i.threat, i.source_dataset, i.route_family,
           i.date_precision = 'year', i.owner_agency, i.owner_state, i.sharing, i.partners, COALESCE(i.dead, 0), COALESCE(i.missing, 0),
           COALESCE(i.dead_missing, 0), COALESCE(i.survivors, 0), COALESCE(i.quantity, 0), ST_X(i.geom), ST_Y(i.geom)
    FROM %s AS i $sql$;
  removed bigint := 0;
  added bigint := 0;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    EXECUTE format(cut, -1, 'old_rows');
    GET DIAGNOSTICS removed = ROW_COUNT;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    EXECUTE format(cut, 1, 'new_rows');
    GET DIAGNOSTICS added = ROW_COUNT;
  END IF;
  -- a statement that changed no row (the UPDATE trigger of an INSERT … ON CONFLICT that met no conflict)
  IF removed + added = 0 THEN
    RETURN NULL;
  END IF;
  -- this transaction's merge row, if queued and not yet run (others' are invisible until they commit, and gone by then)
  IF NOT EXISTS (SELECT 1 FROM incident_cells_merge) THEN
    INSERT INTO incident_cells_merge VALUES (removed > 0);
  ELSIF removed > 0 THEN
    UPDATE incident_cells_merge SET removed = true WHERE NOT incident_cells_merge.removed;
  END IF;
  RETURN NULL;
END
$fn$;

-- At commit (deferred), once per transaction: the pending deltas taken out, netted per key over
-- the three grains and upserted each key once, in the key index's order (concurrent merges lock
-- shared keys in one order, so they wait on each other instead of deadlocking), straight into
-- each partition; rows brought to 0 deleted (by ctid) when anything was removed.
-- work_mem: the sort of a large import's deltas stays in memory; enable_hashagg off: one sort
-- groups the deltas in the key order the upsert wants (a hash aggregate then a sort was slower).
CREATE FUNCTION incident_cells_merge() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET work_mem = '64MB' SET enable_hashagg = off AS $fn$
DECLARE
  -- %1$s: RETURNING the rows' ctid and count, or nothing; %2$s: the query reading them (the
  -- data-modifying CTEs run either way)
  merge text := $sql$
    WITH d AS (DELETE FROM incident_cells_pending RETURNING *),
    all_time AS (
      INSERT INTO incident_cells_all_time AS c
      SELECT g.res, g.cell, NULL::date, d.threat, d.source_dataset, d.route_family, d.year_precise, d.owner_agency, d.owner_state, d.sharing,
             d.partners, sum(d.sign), sum(d.sign * d.dead), sum(d.sign * d.missing), sum(d.sign * d.dead_missing), sum(d.sign * d.survivors),
             sum(d.sign * d.quantity), min(d.lng), min(d.lat), max(d.lng), max(d.lat)
      FROM d CROSS JOIN LATERAL (VALUES (5::smallint, d.h3_r5), (7::smallint, d.h3_r7)) AS g (res, cell)
      GROUP BY g.res, g.cell, d.threat, d.source_dataset, d.route_family, d.year_precise, d.owner_agency, d.owner_state, d.sharing, d.partners
      ORDER BY g.res, g.cell, d.threat, d.source_dataset, d.route_family, d.year_precise, d.owner_agency, d.owner_state, d.sharing, d.partners
      ON CONFLICT (h3_res, month, cell, threat, source_dataset, route_family, year_precise, owner_agency, owner_state, sharing, partners)
      DO UPDATE SET n = c.n + EXCLUDED.n, dead = c.dead + EXCLUDED.dead, missing = c.missing + EXCLUDED.missing,
        dead_missing = c.dead_missing + EXCLUDED.dead_missing, survivors = c.survivors + EXCLUDED.survivors,
        quantity = c.quantity + EXCLUDED.quantity, west = least(c.west, EXCLUDED.west), south = least(c.south, EXCLUDED.south),
        east = greatest(c.east, EXCLUDED.east), north = greatest(c.north, EXCLUDED.north) %1$s
    ),
    monthly AS (
      INSERT INTO incident_cells_monthly AS c
      SELECT 5, d.h3_r5, d.month, d.threat, d.source_dataset, d.route_family, d.year_precise, d.owner_agency, d.owner_state, d.sharing,
             d.partners, sum(d.sign), sum(d.sign * d.dead), sum(d.sign * d.missing), sum(d.sign * d.dead_missing), sum(d.sign * d.survivors),
             sum(d.sign * d.quantity), min(d.lng), min(d.lat), max(d.lng), max(d.lat)
      FROM d
      GROUP BY d.month, d.h3_r5, d.threat, d.source_dataset, d.route_family, d.year_precise, d.owner_agency, d.owner_state, d.sharing, d.partners
      ORDER BY d.month, d.h3_r5, d.threat, d.source_dataset, d.route_family, d.year_precise, d.owner_agency, d.owner_state, d.sharing, d.partners
      ON CONFLICT (h3_res, month, cell, threat, source_dataset, route_family, year_precise, owner_agency, owner_state, sharing, partners)
      DO UPDATE SET n = c.n + EXCLUDED.n, dead = c.dead + EXCLUDED.dead, missing = c.missing + EXCLUDED.missing,
        dead_missing = c.dead_missing + EXCLUDED.dead_missing, survivors = c.survivors + EXCLUDED.survivors,
        quantity = c.quantity + EXCLUDED.quantity, west = least(c.west, EXCLUDED.west), south = least(c.south, EXCLUDED.south),
        east = greatest(c.east, EXCLUDED.east), north = greatest(c.north, EXCLUDED.north) %1$s
    )
    %2$s $sql$;
  removed boolean;
  gone_all_time tid[];
  gone_monthly tid[];
BEGIN
  WITH m AS (DELETE FROM incident_cells_merge RETURNING incident_cells_merge.removed) SELECT bool_or(m.removed) INTO removed FROM m;
  IF removed IS NULL THEN
    -- merged already (SET CONSTRAINTS … IMMEDIATE ran it, or an earlier row of this transaction's)
    RETURN NULL;
  END IF;
  IF NOT removed THEN
    -- only rows added: no count can reach 0
    EXECUTE format(merge, '', 'SELECT');
    RETURN NULL;
  END IF;
  EXECUTE format(merge, 'RETURNING c.ctid AS t, c.n',
                 'SELECT (SELECT array_agg(t) FROM all_time WHERE n = 0), (SELECT array_agg(t) FROM monthly WHERE n = 0)')
    INTO gone_all_time, gone_monthly;
  IF gone_all_time IS NOT NULL THEN
    DELETE FROM incident_cells_all_time WHERE ctid = ANY (gone_all_time) AND n = 0;
  END IF;
  IF gone_monthly IS NOT NULL THEN
    DELETE FROM incident_cells_monthly WHERE ctid = ANY (gone_monthly) AND n = 0;
  END IF;
  RETURN NULL;
END
$fn$;

CREATE CONSTRAINT TRIGGER incident_cells_merge AFTER INSERT ON incident_cells_merge
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION incident_cells_merge();

-- TRUNCATE incidents: the rollup and this transaction's pending deltas emptied (DELETE, not
-- TRUNCATE, for the pending rows: it takes no lock that would wait on other writers).
CREATE OR REPLACE FUNCTION incident_cells_truncate() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  TRUNCATE incident_cells;
  DELETE FROM incident_cells_pending;
  RETURN NULL;
END
$fn$;
