// The cell rollup recomputed from the incidents: how many rollup rows differ from what a full
// GROUP BY of the stored incidents gives (migrations/011_incident_cells.sql, 012_incident_cells_grains.sql). 0 = consistent.
import type { Db } from '../../server/db/types.ts'

const RECOMPUTE = `
  SELECT r.res AS h3_res,
         CASE r.res WHEN 5 THEN i.h3_r5 ELSE i.h3_r7 END AS cell,
         CASE WHEN r.monthly THEN date_trunc('month', i.occurred_on)::date END AS month,
         i.threat, i.source_dataset, i.route_family, i.date_precision = 'year' AS year_precise, i.owner_agency, i.owner_state, i.sharing, i.partners,
         count(*)::bigint AS n, COALESCE(sum(i.dead), 0)::bigint AS dead, COALESCE(sum(i.missing), 0)::bigint AS missing,
         COALESCE(sum(i.dead_missing), 0)::bigint AS dead_missing, COALESCE(sum(i.survivors), 0)::bigint AS survivors,
         round(COALESCE(sum(i.quantity), 0)::numeric, 6) AS quantity
  FROM incidents i
  CROSS JOIN (VALUES (5, false), (7, false), (5, true)) AS r (res, monthly)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`

const STORED = `
  SELECT h3_res::int, cell, month, threat, source_dataset, route_family, year_precise, owner_agency, owner_state, sharing, partners,
         n, dead, missing, dead_missing, survivors, round(quantity::numeric, 6) AS quantity
  FROM incident_cells`

/** Rollup rows missing, extra or different against a recount of the incidents (run with the service db: no RLS). */
export async function rollupDrift(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT ((SELECT count(*) FROM ((${RECOMPUTE}) EXCEPT (${STORED})) a) + (SELECT count(*) FROM ((${STORED}) EXCEPT (${RECOMPUTE})) b))::int AS n`)
  return row.n
}

/** Rollup rows whose bounding box misses a point of an incident they count (must be 0). */
export async function rollupBoxMisses(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>(`
    SELECT count(*)::int AS n
    FROM incidents i JOIN incident_cells c
      ON c.h3_res = 5 AND c.month IS NULL AND c.cell = i.h3_r5 AND c.threat = i.threat AND c.source_dataset = i.source_dataset
     AND c.route_family IS NOT DISTINCT FROM i.route_family AND c.year_precise = (i.date_precision = 'year') AND c.owner_agency = i.owner_agency
     AND c.owner_state IS NOT DISTINCT FROM i.owner_state AND c.sharing = i.sharing AND c.partners = i.partners
    WHERE ST_X(i.geom) < c.west OR ST_X(i.geom) > c.east OR ST_Y(i.geom) < c.south OR ST_Y(i.geom) > c.north`)
  return row.n
}
