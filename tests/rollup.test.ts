// The cell rollup (issue 17) on every driver: kept equal to a recount of the incidents through
// imports (COPY and merge), SQL inserts, updates and deletes; and hotspots read from it equal the
// raw GROUP BY for random filters, with row-level security off (the service) and on (members of
// three states and a public reader).
import { writeFileSync, rmSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DbScope } from '../shared/access.ts'
import { runInScope } from '../server/auth/request-scope.ts'
import type { Db } from '../server/db/types.ts'
import { THREATS } from '../shared/vocabulary.ts'
import { keyCell } from '../shared/cell-rings.ts'
import { importFile } from '../server/import/run-import.ts'
import { seedDemoIncidents } from '../server/import/seed-demo.ts'
import { insertAgency } from '../server/repos/auth.ts'
import {
  aggregateCellBinsFromRollup,
  aggregateCellBinsFromRows,
  aggregateCellColumns,
  aggregateCellsFromRollup,
  aggregateCellsFromRows,
  creditsFromRollup,
  creditsFromRows,
  hotspotLimits,
  rollupAnswers,
  SUM_FIELDS,
  type CellAggregate,
  type CellBin,
  type SumField,
} from '../server/repos/hotspots.ts'
import { incidentDemandFromRollup } from '../server/repos/patrols.ts'
import { sqlFile } from '../server/db/sql-files.ts'
import { filterParams, originParam, type IncidentFilter } from '../server/repos/incidents.ts'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'
import { generatedCsv } from './helpers/generated-incidents.ts'
import { rollupBoxMisses, rollupDrift } from './helpers/rollup.ts'

const DATASETS = ['synthetic-demo', 'rollup-b', 'rollup-csv']
const FAMILIES = ['atlantic', 'western', 'central', 'eastern']

const isoDay = fc.integer({ min: Date.UTC(2018, 6, 1) / 86_400_000, max: Date.UTC(2026, 2, 1) / 86_400_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10))
const filterArb = fc
  .record({
    h3Res: fc.integer({ min: 3, max: 8 }),
    bbox: fc.option(
      fc.tuple(fc.double({ min: -18, max: 35, noNaN: true }), fc.double({ min: 2, max: 34, noNaN: true }), fc.double({ min: 0.5, max: 25, noNaN: true }), fc.double({ min: 0.5, max: 15, noNaN: true })),
      { nil: undefined },
    ),
    from: fc.option(isoDay, { nil: undefined }),
    to: fc.option(isoDay, { nil: undefined }),
    threats: fc.option(fc.subarray([...THREATS], { minLength: 1 }), { nil: undefined }),
    sources: fc.option(fc.subarray(DATASETS, { minLength: 1 }), { nil: undefined }),
    routeFamilies: fc.option(fc.subarray(FAMILIES, { minLength: 1 }), { nil: undefined }),
    sum: fc.constantFrom<SumField | null>(null, ...SUM_FIELDS),
    minCount: fc.constantFrom(1, 3),
  })
  .map((r) => {
    const [from, to] = r.from && r.to && r.from > r.to ? [r.to, r.from] : [r.from, r.to]
    const filter: IncidentFilter = { from, to, threats: r.threats, sources: r.sources, routeFamilies: r.routeFamilies }
    if (r.bbox) filter.bbox = [r.bbox[0], r.bbox[1], Math.min(180, r.bbox[0] + r.bbox[2]), Math.min(90, r.bbox[1] + r.bbox[3])]
    // the rollup answers res 3..7, and res 3..5 with a date window: elsewhere the rows answer
    return { ...r, h3Res: rollupAnswers(r.h3Res, filter) ? r.h3Res : filter.from || filter.to ? 5 : 7, filter }
  })

const sorted = (cells: CellAggregate[]) => [...cells].sort((a, b) => (a.h3 < b.h3 ? -1 : a.h3 > b.h3 ? 1 : 0))

function expectSameCells(rollup: CellAggregate[], rows: CellAggregate[], label: string): void {
  const a = sorted(rollup)
  const b = sorted(rows)
  expect(a.map((c) => [c.h3, c.n]), label).toEqual(b.map((c) => [c.h3, c.n]))
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i].value - b[i].value), `${label} ${a[i].h3}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(b[i].value)))
}

const binKey = (c: CellBin) => `${c.bin} ${c.h3} ${c.n}`

/** Cells, trend bins (res 3..5) and patrol demand of one filter: the rollup path equals the rows. */
async function expectSameEverywhere(db: Db, h3Res: number, filter: IncidentFilter, sum: SumField | null, minCount: number, bin: 'month' | 'quarter', label: string): Promise<void> {
  const [rollup, rows] = await Promise.all([aggregateCellsFromRollup(db, h3Res, filter, sum, minCount), aggregateCellsFromRows(db, h3Res, filter, sum, minCount)])
  expectSameCells(rollup, rows, label)
  if (h3Res <= 5) {
    const [a, b] = await Promise.all([aggregateCellBinsFromRollup(db, h3Res, filter, bin, minCount), aggregateCellBinsFromRows(db, h3Res, filter, bin, minCount)])
    expect(a.map(binKey).sort(), `bins ${label}`).toEqual(b.map(binKey).sort())
  }
  if (rollupAnswers(5, filter)) expect(await creditsFromRollup(db, filter), `credits ${label}`).toEqual(await creditsFromRows(db, filter))
  const fromRows = await incidentDemandRows(db, h3Res, filter, sum)
  const fromRollup = await incidentDemandFromRollup(db, h3Res, filter, sum)
  expect(fromRollup.map((c) => `${c.h3} ${c.threat} ${c.n}`), `demand ${label}`).toEqual(fromRows.map((c) => `${c.h3} ${c.threat} ${c.n}`))
  for (let i = 0; i < fromRows.length; i++) expect(Math.abs(fromRollup[i].value - fromRows[i].value)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(fromRows[i].value)))
}

/** Patrol demand straight from the incidents (patrols/incident-demand.sql). */
async function incidentDemandRows(db: Db, h3Res: number, filter: IncidentFilter, sum: SumField | null) {
  return db.query<{ h3: string; threat: string; n: number; value: number }>(sqlFile('patrols/incident-demand'), [h3Res, ...filterParams(filter), sum, originParam(filter)])
}

describe.each(testDrivers())('cell rollup on %s', (driver) => {
  let t: TestApp
  let service: Db
  const scopes: Record<string, DbScope> = {}
  const dir = mkdtempSync(join(tmpdir(), 'rollup-test-'))

  beforeAll(async () => {
    t = await build(driver, { authMode: true })
    service = t.app.serviceDb
    await seedDemoIncidents(service)
    const police = await insertAgency(service, 'Niger border police', 'NER')
    const mali = await insertAgency(service, 'Mali gendarmerie', 'MLI')
    const chad = await insertAgency(service, 'Chad national police', 'TCD')
    scopes.niger = { scope: 'member', agencyId: police.id, state: 'NER' }
    scopes.mali = { scope: 'member', agencyId: mali.id, state: 'MLI' }
    scopes.chad = { scope: 'member', agencyId: chad.id, state: 'TCD' }
    scopes.public = { scope: 'public' }
    // a second dataset of the Niger police over the same points: every sharing level, route
    // families, month- and year-precise dates and every summed field, in one INSERT … SELECT
    await service.query("INSERT INTO sources (dataset, credit) VALUES ('rollup-b', 'rollup probe') ON CONFLICT DO NOTHING")
    await service.query(
      `INSERT INTO incidents (source_dataset, source_id, import_id, occurred_on, date_precision, threat, geom, dead, missing, dead_missing, survivors,
                              quantity, route_family, h3_r3, h3_r4, h3_r5, h3_r6, h3_r7, h3_r8, h3_r9, owner_agency, owner_state, sharing, partners)
       SELECT 'rollup-b', 'b' || id, import_id,
              CASE id % 7 WHEN 0 THEN date_trunc('year', occurred_on)::date WHEN 1 THEN date_trunc('month', occurred_on)::date ELSE occurred_on + 11 END,
              CASE id % 7 WHEN 0 THEN 'year' WHEN 1 THEN 'month' ELSE 'day' END,
              threat, geom, CASE WHEN id % 5 = 0 THEN NULL ELSE id % 4 END, id % 3, NULLIF(id % 6, 0), id % 9,
              CASE WHEN id % 4 = 0 THEN (id % 13) * 0.37 END, (ARRAY['atlantic', 'western', 'central', 'eastern', NULL])[1 + id % 5],
              h3_r3, h3_r4, h3_r5, h3_r6, h3_r7, h3_r8, h3_r9, $1, 'NER',
              (ARRAY['national', 'bilateral', 'regional', 'public'])[1 + id / 2 % 4], CASE WHEN id / 2 % 4 = 1 THEN ARRAY['MLI'] ELSE '{}' END
       FROM incidents WHERE source_dataset = 'synthetic-demo' AND id % 2 = 0`,
      [police.id],
    )
    // edits: move 300 incidents onto other points (their cells with them), retag 200, delete 400
    await service.query(
      `UPDATE incidents i SET geom = o.geom, h3_r3 = o.h3_r3, h3_r4 = o.h3_r4, h3_r5 = o.h3_r5, h3_r6 = o.h3_r6, h3_r7 = o.h3_r7, h3_r8 = o.h3_r8, h3_r9 = o.h3_r9,
              occurred_on = o.occurred_on
       FROM incidents o WHERE i.source_dataset = 'rollup-b' AND i.id / 2 % 10 = 3 AND o.source_dataset = 'synthetic-demo' AND o.id = (i.id * 7919) % 4000 + 1`,
    )
    await service.query("UPDATE incidents SET threat = 'arms_proliferation', dead = COALESCE(dead, 0) + 5 WHERE source_dataset = 'rollup-b' AND id / 2 % 10 = 6")
    await service.query("DELETE FROM incidents WHERE source_dataset = 'rollup-b' AND id / 2 % 5 = 2")
    // an import into an empty dataset (COPY straight into incidents on the server), then a
    // re-import of the same ids with other values (the merge: INSERT … ON CONFLICT DO UPDATE)
    const csv = generatedCsv(600, 17)
    writeFileSync(join(dir, 'a.csv'), csv)
    writeFileSync(join(dir, 'b.csv'), csv.replace(/,0\n/g, ',3\n').replace(/migration_trafficking,2/g, 'drug_trafficking,2'))
    for (const file of ['a.csv', 'b.csv']) {
      const report = await importFile(service, { path: join(dir, file), fileName: file, format: 'csv', dataset: 'rollup-csv', owner: { agencyId: mali.id, state: 'MLI', sharing: 'regional', partners: [] } })
      expect(report.status).toBe('completed')
    }
  })
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true })
    await t?.close()
  })

  it('retags the probe rows it updates (the edits ran)', async () => {
    const [row] = await service.query<{ arms: number }>("SELECT count(*)::int AS arms FROM incidents WHERE source_dataset = 'rollup-b' AND threat = 'arms_proliferation'")
    expect(row.arms).toBeGreaterThan(100)
  })

  it('keeps the rollup equal to a recount of the incidents after imports, inserts, updates and deletes', async () => {
    const [counts] = await service.query<{ b: number; csv: number; dead: number }>(
      "SELECT count(*) FILTER (WHERE source_dataset = 'rollup-b')::int AS b, count(*) FILTER (WHERE source_dataset = 'rollup-csv')::int AS csv, sum(dead) FILTER (WHERE source_dataset = 'rollup-csv')::int AS dead FROM incidents",
    )
    expect(counts.b).toBe(1600)
    expect(counts.csv).toBe(600)
    // the re-import changed the dead of every row that had 0 to 3: 480 × 3 + 120 × 2
    expect(counts.dead).toBe(1680)
    const [rows] = await service.query<{ n: number }>('SELECT sum(n)::int AS n FROM incident_cells WHERE h3_res = 5 AND month IS NULL')
    expect(rows.n).toBe(4000 + 1600 + 600)
    expect(await rollupDrift(service)).toBe(0)
    expect(await rollupBoxMisses(service)).toBe(0)
  })

  it('gives the raw GROUP BY answer for random filters without row-level security', async () => {
    await fc.assert(
      fc.asyncProperty(filterArb, fc.constantFrom<'month' | 'quarter'>('month', 'quarter'), async ({ h3Res, filter, sum, minCount }, bin) => {
        await expectSameEverywhere(service, h3Res, filter, sum, minCount, bin, JSON.stringify({ h3Res, filter, sum, minCount, bin }))
      }),
      { numRuns: 60, seed: 17 },
    )
  })

  it('gives the raw GROUP BY answer for random filters under row-level security, for every reader', async () => {
    for (const [name, scope] of Object.entries(scopes)) {
      await fc.assert(
        fc.asyncProperty(filterArb, fc.constantFrom<'month' | 'quarter'>('month', 'quarter'), async ({ h3Res, filter, sum, minCount }, bin) => {
          await runInScope(scope, () => expectSameEverywhere(t.app.db, h3Res, filter, sum, minCount, bin, `${name} ${JSON.stringify({ h3Res, filter, sum, minCount, bin })}`))
        }),
        { numRuns: 15, seed: 1700 + name.length },
      )
    }
  })

  it('gives the raw GROUP BY answer over the whole zone for all time (packed cells, trend bins), for every reader', async () => {
    const zoneArb = fc.record({
      h3Res: fc.integer({ min: 3, max: 7 }),
      threats: fc.option(fc.subarray([...THREATS], { minLength: 1 }), { nil: undefined }),
      sources: fc.option(fc.subarray(DATASETS, { minLength: 1 }), { nil: undefined }),
      routeFamilies: fc.option(fc.subarray(FAMILIES, { minLength: 1 }), { nil: undefined }),
      sum: fc.constantFrom<SumField | null>(null, ...SUM_FIELDS),
      bin: fc.constantFrom<'month' | 'quarter'>('month', 'quarter'),
      // the packed read in 1 to 3 disjoint slices read at once (by base cell and first digit)
      slices: fc.integer({ min: 1, max: 3 }),
    })
    let packedCells = 0
    for (const [name, scope] of [['service', undefined], ...Object.entries(scopes)] as const) {
      await fc.assert(
        fc.asyncProperty(zoneArb, async ({ h3Res, threats, sources, routeFamilies, sum, bin, slices }) => {
          const filter: IncidentFilter = { threats, sources, routeFamilies }
          const db = scope ? t.app.db : service
          const read = async () => {
            const limits = hotspotLimits(h3Res)
            return [await aggregateCellColumns(db, h3Res, filter, sum, slices), await aggregateCellsFromRows(db, limits.h3Res, filter, sum, limits.minCount)] as const
          }
          const [columns, rows] = scope ? await runInScope(scope, read) : await read()
          // the packed read carries no hex strings: each cell is written from its key
          expect(columns.h3).toBeUndefined()
          packedCells += columns.keys.length
          const cells = Array.from(columns.keys, (_, i) => ({ h3: keyCell(columns.keys[i], columns.res), n: columns.n[i], value: columns.values[i] }))
          expectSameCells(cells, rows, `${name} ${JSON.stringify({ h3Res, filter, sum, slices })}`)
          // trend bins over the zone for all time (cells-by-bin-rollup-zone.sql), res 3..5
          if (h3Res <= 5) {
            const bins = async () => [await aggregateCellBinsFromRollup(db, h3Res, filter, bin, 1), await aggregateCellBinsFromRows(db, h3Res, filter, bin, 1)] as const
            const [a, b] = scope ? await runInScope(scope, bins) : await bins()
            expect(a.map(binKey).sort(), `bins ${name} ${JSON.stringify({ h3Res, filter, bin })}`).toEqual(b.map(binKey).sort())
          }
        }),
        { numRuns: 20, seed: 1717 + name.length },
      )
    }
    expect(packedCells).toBeGreaterThan(1000)
  })

  it('packs a cell whose count does not fit beside its key (2^27 incidents in a res-7 cell) and reads it back', async () => {
    const [{ cell }] = await service.query<{ cell: string }>('SELECT cell::text AS cell FROM incident_cells WHERE h3_res = 7 AND month IS NULL ORDER BY n DESC, cell LIMIT 1')
    const big = 2 ** 27 + 5
    await service.query('UPDATE incident_cells SET n = n + $2 WHERE h3_res = 7 AND month IS NULL AND cell = $1::bigint', [cell, big])
    try {
      for (const h3Res of [6, 7])
        for (const sum of [null, 'dead'] as const)
          for (const slices of [1, 2]) {
            const columns = await aggregateCellColumns(service, h3Res, {}, sum, slices)
            const rows = await aggregateCellsFromRollup(service, h3Res, {}, sum, 1)
            const cells = Array.from(columns.keys, (_, i) => ({ h3: keyCell(columns.keys[i], columns.res), n: columns.n[i], value: columns.values[i] }))
            expect(Math.max(...cells.map((c) => c.n))).toBeGreaterThan(big)
            expectSameCells(cells, rows, JSON.stringify({ h3Res, sum, slices }))
          }
    } finally {
      await service.query('UPDATE incident_cells SET n = n - $2 WHERE h3_res = 7 AND month IS NULL AND cell = $1::bigint', [cell, big])
    }
  })

  it('answers whole months, edge days and a bbox edge the same as the rows (fixed cases)', async () => {
    const cases: IncidentFilter[] = [
      { from: '2021-01-01', to: '2021-12-31' },
      { from: '2021-01-15', to: '2023-06-10', bbox: [0, 10, 15, 22] },
      { from: '2022-03-02', to: '2022-03-30' },
      { to: '2020-05-05', bbox: [5, 15, 9.3, 18.1] },
    ]
    for (const filter of cases) {
      for (const h3Res of [3, 4, 5]) {
        const rows = await aggregateCellsFromRows(service, h3Res, filter, 'dead', 1)
        expect(rows.length).toBeGreaterThan(0)
        expectSameCells(await aggregateCellsFromRollup(service, h3Res, filter, 'dead', 1), rows, JSON.stringify({ h3Res, filter }))
      }
    }
  })

  it('lets a reader see only the cells of rows it may read', async () => {
    const visible = async (scope: DbScope) => {
      const [row] = await runInScope(scope, () => t.app.db.query<{ n: number; levels: string[] }>("SELECT sum(n)::int AS n, array_agg(DISTINCT sharing ORDER BY sharing) AS levels FROM incident_cells WHERE h3_res = 5 AND month IS NULL AND source_dataset = 'rollup-b'"))
      return row
    }
    const [byLevel] = await service.query<Record<string, number>>(
      "SELECT count(*) FILTER (WHERE sharing = 'national')::int AS national, count(*) FILTER (WHERE sharing = 'bilateral')::int AS bilateral, count(*) FILTER (WHERE sharing = 'regional')::int AS regional, count(*) FILTER (WHERE sharing = 'public')::int AS public FROM incidents WHERE source_dataset = 'rollup-b'",
    )
    expect(await visible(scopes.niger)).toEqual({ n: 1600, levels: ['bilateral', 'national', 'public', 'regional'] })
    expect(await visible(scopes.mali)).toEqual({ n: byLevel.bilateral + byLevel.regional + byLevel.public, levels: ['bilateral', 'public', 'regional'] })
    expect(await visible(scopes.chad)).toEqual({ n: byLevel.regional + byLevel.public, levels: ['public', 'regional'] })
    expect(await visible(scopes.public)).toEqual({ n: byLevel.public, levels: ['public'] })
  })

  it('merges a transaction of several writes into the rollup at its commit, leaving out what a savepoint rolled back', async () => {
    await service.query("INSERT INTO sources (dataset, credit) VALUES ('rollup-tx', 'rollup transaction probe') ON CONFLICT DO NOTHING")
    // copies of a quarter of the demo incidents under another dataset, as one statement
    const copy = (quarter: number) =>
      `INSERT INTO incidents (source_dataset, source_id, import_id, occurred_on, date_precision, threat, geom, dead, quantity, h3_r3, h3_r4, h3_r5, h3_r6, h3_r7, h3_r8, h3_r9)
       SELECT 'rollup-tx', 't' || id, import_id, occurred_on, date_precision, threat, geom, dead, quantity, h3_r3, h3_r4, h3_r5, h3_r6, h3_r7, h3_r8, h3_r9
       FROM incidents WHERE source_dataset = 'synthetic-demo' AND id % 4 = ${quarter}`
    const counted = async (tx: { query: Db['query'] }) => {
      const [row] = await tx.query<{ rollup: number | null; rows: number }>(
        "SELECT (SELECT sum(n)::int FROM incident_cells WHERE h3_res = 5 AND month IS NULL AND source_dataset = 'rollup-tx') AS rollup, (SELECT count(*)::int FROM incidents WHERE source_dataset = 'rollup-tx') AS rows",
      )
      return row
    }
    await service.transaction(async (tx) => {
      await tx.query(copy(0))
      await tx.query(copy(1))
      // merged at commit: inside the transaction the rollup does not count its rows yet
      expect(await counted(tx)).toEqual({ rollup: null, rows: 2000 })
      await tx.query('SAVEPOINT probe')
      await tx.query(copy(2))
      await tx.query("DELETE FROM incidents WHERE source_dataset = 'rollup-tx' AND id % 3 = 0")
      await tx.query('ROLLBACK TO SAVEPOINT probe')
      // an early merge, then writes merged statement by statement for the rest of the transaction
      await tx.query('SET CONSTRAINTS incident_cells_merge IMMEDIATE')
      expect(await counted(tx)).toEqual({ rollup: 2000, rows: 2000 })
      await tx.query(copy(3))
      await tx.query("UPDATE incidents SET dead = COALESCE(dead, 0) + 2, threat = 'arms_proliferation' WHERE source_dataset = 'rollup-tx' AND id % 3 = 1")
      await tx.query("DELETE FROM incidents WHERE source_dataset = 'rollup-tx' AND id % 5 = 0")
    })
    const after = await counted(service)
    expect(after.rows).toBeGreaterThan(2000)
    expect(after.rollup).toBe(after.rows)
    expect(await rollupDrift(service)).toBe(0)
    expect(await rollupBoxMisses(service)).toBe(0)
    const [left] = await service.query<{ n: number }>('SELECT ((SELECT count(*) FROM incident_cells_pending) + (SELECT count(*) FROM incident_cells_merge))::int AS n')
    expect(left.n).toBe(0)
    // two whole recounts of the rollup: ~50 s on pg on the loaded 2-core machine
  }, 180_000)
})
