// Bench section: the cell rollup (issue 17) at scale. BENCH_ROLLUP_ROWS incidents (default
// 1,000,000) on each driver (BENCH_ROLLUP_PG_ROWS overrides it on PostgreSQL, e.g. 10,000,000),
// generated in SQL in statements of 1,000,000 rows with the rollup kept by its triggers; then
// hotspots res 5 and 7 and Gi* res 7 through the API (they read the rollup) against the bare raw
// GROUP BY of before; a date window and a bbox (partly from the rows); a hotspot tile and an
// incidents tile (zoom <= 8: one point per cell) against their SQL; and COPY (pg) or JSON INSERT (PGlite) of 200,000 (50,000) prepared rows with the rollup triggers on
// against the same write with them off. BENCH_ROLLUP_DRIVERS=pg (or pglite) runs one driver;
// BENCH_ROLLUP_RUNS and BENCH_ROLLUP_RAW_RUNS (default 5) the runs of each figure, and of each
// that scans the rows;
// BENCH_ROLLUP_BACKFILL=1 loads with the triggers off and fills the rollup after, in one statement;
// BENCH_ROLLUP_WRITES=0 leaves out the write figures, BENCH_ROLLUP_READS=0 the read ones (hotspots and
// tiles); BENCH_ROLLUP_WRITE_ROUNDS (default 2) the alternating rounds of the write figures (the best
// of each kept).
// BENCH_ROLLUP_KEEP=1 (with BENCH_ROLLUP_PG_DB) keeps that database: a run finding it loaded with
// the same number of incidents reuses it without loading; BENCH_ROLLUP_LOAD_ONLY=1 stops after the load.
import type { Db } from '../../server/db/types.ts'
import { sqlFile } from '../../server/db/sql-files.ts'
import { mulberry32 } from '../../server/geo/prng.ts'
import { syntheticIncidents } from '../../server/geo/synthetic.ts'
import { copyLine, copyPrefix, jsonRow } from '../../server/import/encode.ts'
import { secretariatOwner } from '../../shared/access.ts'
import { forgetStudyAreas } from '../../shared/gistar.ts'
import { aggregateCellColumns, aggregateCells, aggregateCellsFromRollup, aggregateCellsFromRows } from '../../server/repos/hotspots.ts'
import { getHotspotTile, getIncidentCellTile, hotspotTileBbox } from '../../server/repos/tiles.ts'
import { tileOfPoint } from '../../server/geo/tiles.ts'
import { startApp } from '../../server/start.ts'
import { medianMs, row, scratchDatabases } from './common.ts'
import { catalogueRoutes, loadIncidents } from './incident-data.ts'

function rowsFor(driver: 'pglite' | 'pg'): number {
  const raw = (driver === 'pg' ? process.env.BENCH_ROLLUP_PG_ROWS : undefined) ?? process.env.BENCH_ROLLUP_ROWS ?? '1000000'
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 10_000 || n > 50_000_000) throw new Error(`BENCH_ROLLUP_ROWS must be an integer from 10,000 to 50,000,000, got "${raw}"`)
  return n
}

/** Runs of each raw (row-scanning) figure: BENCH_ROLLUP_RAW_RUNS, default 5 (at 10,000,000 rows each takes tens of seconds). */
const RAW_RUNS = Number(process.env.BENCH_ROLLUP_RAW_RUNS ?? 5)
/** Runs of every other figure: BENCH_ROLLUP_RUNS, default 5. */
const RUNS = Number(process.env.BENCH_ROLLUP_RUNS ?? 5)
const BACKFILL = process.env.BENCH_ROLLUP_BACKFILL === '1'
/** BENCH_ROLLUP_WRITES=0 leaves out the write figures (measured at 1,000,000 rows). */
const WRITES = process.env.BENCH_ROLLUP_WRITES !== '0'
const KEEP = process.env.BENCH_ROLLUP_KEEP === '1'
const LOAD_ONLY = process.env.BENCH_ROLLUP_LOAD_ONLY === '1'
/** BENCH_ROLLUP_READS=0 leaves out the read figures (hotspots, trends, tiles). */
const READS = process.env.BENCH_ROLLUP_READS !== '0'
/** Alternating rounds (triggers off, then on) of the write figures: BENCH_ROLLUP_WRITE_ROUNDS, default 2. */
const WRITE_ROUNDS = Number(process.env.BENCH_ROLLUP_WRITE_ROUNDS ?? 2)

export async function rollupBench(): Promise<void> {
  console.log('\n# 15. cell rollup: hotspots through the API (rollup) vs the bare raw GROUP BY, a tile vs its SQL, writes with the rollup kept vs without (median of 5)')
  const drivers = (process.env.BENCH_ROLLUP_DRIVERS ?? 'pglite,pg').split(',')
  for (const { name, config, drop } of await scratchDatabases('rollup', process.env.BENCH_ROLLUP_PG_DB, KEEP)) {
    if (!drivers.includes(name)) {
      await drop()
      continue
    }
    const n = rowsFor(name)
    const label = `${name} ${(n / 1e6).toLocaleString('en')}M`
    const app = await startApp(config)
    try {
      const db = app.db
      let t = performance.now()
      const [{ loaded }] = await db.query<{ loaded: number }>('SELECT count(*)::int AS loaded FROM incidents')
      if (loaded !== 0 && loaded !== n) throw new Error(`the kept database holds ${loaded} incidents, not ${n}: drop it or change BENCH_ROLLUP_PG_DB`)
      if (loaded === n) row(`${label}: kept database, loaded before`, `${loaded} rows`)
      // BENCH_ROLLUP_BACKFILL=1: the rows with the triggers off, then the rollup in one statement
      // (sql/hotspots/rollup-rebuild.sql); a 10,000,000-row load with the triggers on takes too long here
      if (loaded === 0) {
        if (BACKFILL) await db.query('ALTER TABLE incidents DISABLE TRIGGER USER')
        // made only to load, so the 200,000 objects are not on the heap (and in every GC) while the API is timed
        await loadIncidents(db, syntheticIncidents(catalogueRoutes(), mulberry32(13), { count: 200_000 }), n)
        if (BACKFILL) {
          await db.query('ALTER TABLE incidents ENABLE TRIGGER USER')
          await db.query(sqlFile('hotspots/rollup-rebuild'))
        }
        await db.query('ANALYZE incident_cells')
      }
      const loadS = (performance.now() - t) / 1000
      const [size] = await db.query<{ cells: number; res5: number; res7: number }>(
        'SELECT count(*)::int AS cells, count(*) FILTER (WHERE h3_res = 5 AND month IS NULL)::int AS res5, count(*) FILTER (WHERE h3_res = 7 AND month IS NULL)::int AS res7 FROM incident_cells',
      )
      if (loaded === 0) row(`${label}: generate incidents (INSERT … SELECT, ${BACKFILL ? 'triggers off, then the rollup in one INSERT … SELECT' : 'rollup kept'})`, `${loadS.toFixed(0)} s`)
      row(`${label}: rollup rows (all-time res 5 / res 7)`, `${size.cells} (${size.res5} / ${size.res7})`, size.cells / n, 'of incidents')
      if (LOAD_ONLY) continue
      // the body taken as the bytes an HTTP client receives: app.inject otherwise copies it and
      // decodes it into a string (~7 ms of the 4.5 MB res-7 answer, ~70 ms of Gi*'s 38.7 MB)
      const api = (url: string) => async () => {
        const r = await app.inject({ method: 'GET', url, payloadAsStream: true })
        let bytes = 0
        const chunks: Buffer[] = []
        for await (const chunk of r.stream()) {
          bytes += chunk.length
          if (r.statusCode !== 200) chunks.push(chunk)
        }
        if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${Buffer.concat(chunks).toString().slice(0, 200)}`)
        if (bytes === 0) throw new Error(`${url}: empty answer`)
      }
      const cases: [string, string, string][] = [
        ['hotspots res 5, zone', '/api/hotspots?res=5', 'SELECT h3_r5 AS cell, count(*) AS n FROM incidents GROUP BY 1'],
        ['hotspots res 7, zone', '/api/hotspots?res=7', 'SELECT h3_r7 AS cell, count(*) AS n FROM incidents GROUP BY 1'],
        ['Gi* res 7, zone', '/api/hotspots?res=7&stat=gistar', 'SELECT h3_r7 AS cell, count(*) AS n FROM incidents GROUP BY 1'],
        [
          'hotspots res 5, 2021-03-15..2023-08-20, 20x15 deg',
          '/api/hotspots?res=5&from=2021-03-15&to=2023-08-20&bbox=0,10,20,25',
          "SELECT h3_r5 AS cell, count(*) AS n FROM incidents WHERE occurred_on BETWEEN '2021-03-15' AND '2023-08-20' AND geom && ST_MakeEnvelope(0, 10, 20, 25, 4326) GROUP BY 1",
        ],
        ['trends res 5, quarters', '/api/hotspots/trends?res=5&bin=quarter', "SELECT h3_r5 AS cell, date_trunc('quarter', occurred_on) AS bin, count(*) AS n FROM incidents GROUP BY 1, 2"],
      ]
      // the SQL alone: the rollup query against today's cells.sql over the rows (same answer)
      for (const res of READS ? [5, 7] : []) {
        const rowsMs = await medianMs(RAW_RUNS, () => aggregateCellsFromRows(db, res, {}, null, 1), 1)
        const rollupMs = await medianMs(RUNS, () => aggregateCellsFromRollup(db, res, {}, null, 1), 1)
        // what the API reads over the zone: the same cells packed in one value (cells-rollup-zone-packed.sql)
        const packedMs = await medianMs(RUNS, () => aggregateCellColumns(db, res, {}, null), 1)
        row(`${label}: res ${res} cells SQL over the rows (cells.sql)`, `${rowsMs.toFixed(0)} ms`)
        row(`${label}: res ${res} cells SQL from the rollup, a row per cell`, `${rollupMs.toFixed(1)} ms`, rowsMs / rollupMs, 'faster than over the rows')
        row(`${label}: res ${res} cells from the rollup, packed (the API's read)`, `${packedMs.toFixed(1)} ms`, rowsMs / packedMs, 'faster than over the rows')
      }
      for (const [what, url, bare] of READS ? cases : []) {
        const bareMs = await medianMs(RAW_RUNS, () => db.query(bare), 1)
        if (url.includes('stat=gistar')) {
          // the first Gi* request of the process computes every cell's k-ring with h3-js (the ring
          // memo, shared/cell-rings.ts, is empty); the median below reads them from the memo
          const t0 = performance.now()
          app.tileCache.clear()
          await api(url)()
          row(`${label}: ${what}: ${url.split('?')[0]}, first request (ring memo cold)`, `${(performance.now() - t0).toFixed(1)} ms`, bareMs / (performance.now() - t0), 'faster than the bare GROUP BY')
          // the study area memo (gistar.ts) forgotten before each request: cells never asked for before
          const freshMs = await medianMs(RUNS, () => (app.tileCache.clear(), forgetStudyAreas(), api(url)()), 1)
          row(`${label}: ${what}: ${url.split('?')[0]}, uncached, study area built afresh`, `${freshMs.toFixed(1)} ms`, bareMs / freshMs, 'faster than the bare GROUP BY')
        }
        // the answer cache cleared before each request: every one reads the rollup
        const apiMs = await medianMs(RUNS, () => (app.tileCache.clear(), api(url)()), 1)
        row(`${label}: ${what}: bare raw GROUP BY`, `${bareMs.toFixed(0)} ms`)
        row(`${label}: ${what}: ${url.split('?')[0]}, uncached`, `${apiMs.toFixed(1)} ms`, bareMs / apiMs, 'faster than the bare GROUP BY')
        if (url.startsWith('/api/hotspots?')) {
          const cachedMs = await medianMs(RUNS, api(url), 1)
          row(`${label}: ${what}: ${url.split('?')[0]}, repeated (answer cache)`, `${cachedMs.toFixed(2)} ms`, bareMs / cachedMs, 'faster than the bare GROUP BY')
        }
      }
      if (READS) await tileFigures(db, label, name)
      // writes: the same 200,000 prepared rows with the rollup triggers off (raw) and on
      // 200,000 rows on pg, 50,000 on PGlite (its JSON INSERT is ~10x slower)
      if (WRITES) await writeFigures(db, label, name)
    } finally {
      await app.close()
      await drop()
    }
  }
}

/** A z6 hotspot tile and incidents tile over Agadez (res 4 by the zoom): each whole tile against its cells' SQL. */
async function tileFigures(db: Db, label: string, name: string): Promise<void> {
  const [z, x, y] = tileOfPoint(8, 17, 6)
  const bbox = hotspotTileBbox(z, x, y, 4)!
  const sqlMs = await medianMs(RUNS, () => aggregateCells(db, 4, { bbox }, null), 2)
  const tileMs = await medianMs(RUNS, () => getHotspotTile(db, z, x, y, 4, {}, null), 2)
  row(`${label}: hotspot tile ${z}/${x}/${y} res 4: its cells' SQL (rollup)`, `${sqlMs.toFixed(1)} ms`)
  row(`${label}: hotspot tile ${z}/${x}/${y} res 4: the tile (${name === 'pg' ? 'ST_AsMVT' : 'geo/mvt.ts'})`, `${tileMs.toFixed(1)} ms`, tileMs / sqlMs, 'of its SQL')
  // the incidents tile of the same z6 tile: one point per res-4 cell, from the rollup
  const pointSqlMs = await medianMs(RUNS, () => aggregateCells(db, 4, { bbox }, 'dead_missing'), 2)
  const pointTileMs = await medianMs(RUNS, () => getIncidentCellTile(db, z, x, y), 2)
  const pointRowsMs = await medianMs(RAW_RUNS, () => getIncidentCellTile(db, z, x, y, true), 1)
  row(`${label}: incidents tile ${z}/${x}/${y} (cells): its cells' SQL (rollup)`, `${pointSqlMs.toFixed(1)} ms`)
  row(`${label}: incidents tile ${z}/${x}/${y} (cells): the tile (${name === 'pg' ? 'ST_AsMVT' : 'geo/mvt.ts'})`, `${pointTileMs.toFixed(1)} ms`, pointTileMs / pointSqlMs, 'of its SQL')
  row(`${label}: incidents tile ${z}/${x}/${y} (cells): the same tile from the rows`, `${pointRowsMs.toFixed(1)} ms`, pointRowsMs / pointTileMs, 'slower than from the rollup')
}

/**
 * The same 200,000 prepared rows (50,000 on PGlite, whose JSON INSERT is ~10x slower) written as
 * the importer writes a new dataset: one transaction of 20,000-row COPY (PGlite: JSON INSERT)
 * statements, with the rollup triggers off (raw) and on, alternating; the commit is timed (the
 * rollup is merged there).
 */
async function writeFigures(db: Db, label: string, name: string): Promise<void> {
  const writeRows = name === 'pg' ? 200_000 : 50_000
  const batches: string[] = []
  const prefix = copyPrefix('bench-w', 900000, secretariatOwner())
  const writePool = syntheticIncidents(catalogueRoutes(), mulberry32(14), { count: writeRows })
  for (let i = 0; i < writePool.length; i += 20_000) {
    const slice = writePool.slice(i, i + 20_000)
    batches.push(name === 'pg' ? slice.map((p) => copyLine(p, prefix)).join('') : JSON.stringify(slice.map(jsonRow)))
  }
  await db.query("INSERT INTO sources (dataset, credit) VALUES ('bench-w', 'bench') ON CONFLICT DO NOTHING")
  const write = () =>
    db.transaction(async (tx) => {
      for (const b of batches) {
        if (tx.copyFrom) await tx.copyFrom(sqlFile('incidents/copy-direct'), b)
        else await tx.query(sqlFile('incidents/upsert-batch'), [b, 900000, 'bench-w', 1, null, 'regional', []])
      }
    })
  const times = { raw: [] as number[], rollup: [] as number[] }
  for (let round = 0; round < WRITE_ROUNDS; round++) {
    for (const mode of ['raw', 'rollup'] as const) {
      if (mode === 'raw') await db.query('ALTER TABLE incidents DISABLE TRIGGER USER')
      const t = performance.now()
      await write()
      times[mode].push(performance.now() - t)
      await db.query("DELETE FROM incidents WHERE source_dataset = 'bench-w'")
      if (mode === 'raw') await db.query('ALTER TABLE incidents ENABLE TRIGGER USER')
      await db.query('VACUUM incidents, incident_cells')
    }
  }
  const rawMs = Math.min(...times.raw)
  const rollupMs = Math.min(...times.rollup)
  const how = name === 'pg' ? 'COPY' : 'JSON INSERT'
  row(`${label}: ${how} of ${writeRows} rows, rollup triggers off`, `${Math.round(writeRows / (rawMs / 1000))} rows/s`)
  row(`${label}: ${how} of ${writeRows} rows, rollup kept`, `${Math.round(writeRows / (rollupMs / 1000))} rows/s`, rawMs / rollupMs, 'of the raw throughput')
}
