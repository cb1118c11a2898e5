// npm run bench: figures measured side by side in one run, printed as ratios against a baseline
// measured in the same run (this machine is shared and noisy; absolute times mean little).
//   1. embedded cold start: first and second `npm start`-equivalent boot vs a bare PGlite.create
//   2. a basemap tile through the API vs the same SQL run directly through the driver
//   3. resident memory of the started server on each driver
//   4. route analysis of the whole catalogue and of a 5,000-vertex drawn line vs its heaviest SQL
//   5. hotspots: aggregation of 1,000,000 incidents at res 5 and 7 through GET /api/hotspots vs the
//      bare SQL GROUP BY vs an in-process h3-js loop over the same points
//   6. import of CSV rows (1,000,000 on pg; BENCH_PGLITE_ROWS, default 200,000, on PGlite) vs the
//      bare write of the same prepared rows (COPY on pg, JSON batch INSERT on PGlite)
//   7. Gi* over every res-7 cell of the operational zone: time and peak memory (child process)
//   8. patrol siting (k=10, 80 km, res-6 candidates near every member border, 1,000,000 incidents):
//      greedy coverage / exact MIP optimum, exact time / greedy time, peak memory
//   9. a 1600x1000 static PNG of the operational zone with hotspots at res 6 over 1,000,000
//      incidents: time and peak memory, against rendering the same SVG alone
// The PostGIS rows run when DATABASE_URL is set. `npm run bench -- analysis tiles` runs some sections.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sqlFile } from '../server/db/sql-files.ts'
import type { Db } from '../server/db/types.ts'
import { startApp } from '../server/start.ts'
import { ogcAndTiles } from './bench/ogc.ts'
import { latLngToCell } from 'h3-js'
import { writeFileSync } from 'node:fs'
import pg from 'pg'
import { mulberry32 } from '../server/geo/prng.ts'
import { syntheticIncidents, type SyntheticRoute } from '../server/geo/synthetic.ts'
import type { ParsedIncident } from '../server/geo/incident-parse/types.ts'
import { importFile } from '../server/import/run-import.ts'
import { copyLine, jsonRow } from '../server/import/encode.ts'
import { GEODATA_DIR } from '../server/load-geodata.ts'
import { buildCoverage, coveredWeight } from '../server/geo/coverage/coverage-sets.ts'
import { lazyGreedy } from '../server/geo/coverage/greedy.ts'
import { buildMclpModel, chosenSites, mipStart } from '../server/geo/coverage/mip-model.ts'
import { swapSearch } from '../server/geo/coverage/swap.ts'
import { candidateSites } from '../server/patrols/candidates.ts'
import { gatherDemand } from '../server/patrols/demand.ts'
import { MAX_SWAPS } from '../server/patrols/plan.ts'
import { solveInWorker } from '../server/patrols/solve-in-worker.ts'

const databaseUrl = process.env.DATABASE_URL || null

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

function row(name: string, value: string, ratio?: number, against?: string): void {
  console.log(`${name.padEnd(58)} ${value.padStart(12)}${ratio === undefined ? '' : `   ${ratio.toFixed(2)}x ${against}`}`)
}

/** Starts the server in a child process and resolves when /api/health answers. */
async function bootServer(env: Record<string, string>): Promise<{ ms: number; rssMb: number; stop: () => void }> {
  const port = 40000 + Math.floor(Math.random() * 10000)
  const t0 = performance.now()
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: 'inherit',
  })
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`)
      if (res.ok) break
    } catch {}
    await new Promise((r) => setTimeout(r, 50))
  }
  const ms = performance.now() - t0
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1])
  return { ms, rssMb: rssKb / 1024, stop: () => child.kill('SIGTERM') }
}

async function bareCreate(dir: string): Promise<number> {
  const code = `import { PGlite } from '@electric-sql/pglite'; import { postgis } from '@electric-sql/pglite-postgis';
    const t = performance.now(); const pg = await PGlite.create({ dataDir: ${JSON.stringify(dir)}, extensions: { postgis } });
    await pg.exec('CREATE EXTENSION IF NOT EXISTS postgis'); console.log(performance.now() - t); await pg.close()`
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.on('exit', (c) => (c === 0 ? resolve(Number(out.trim())) : reject(new Error(`bare PGlite exited ${c}`))))
  })
}

async function coldStart(): Promise<number> {
  console.log('\n# 1. embedded cold start (child processes, until /api/health answers)')
  const bareDir = mkdtempSync(join(tmpdir(), 'bench-bare-'))
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-data-'))
  try {
    // the first WASM start of a run pays one-off costs: measure the bare start twice, keep the faster
    const bare = Math.min(await bareCreate(bareDir), await bareCreate(mkdtempSync(join(tmpdir(), 'bench-bare-'))))
    row('bare PGlite.create + CREATE EXTENSION postgis (fresh)', `${bare.toFixed(0)} ms`)
    const first = await bootServer({ DATA_DIR: dataDir })
    first.stop()
    row('first start (fresh DATA_DIR: migrate + load geodata)', `${first.ms.toFixed(0)} ms`, first.ms / bare, 'bare PGlite')
    await new Promise((r) => setTimeout(r, 1500))
    const second = await bootServer({ DATA_DIR: dataDir })
    row('second start (same DATA_DIR)', `${second.ms.toFixed(0)} ms`, second.ms / bare, 'bare PGlite')
    second.stop()
    return second.rssMb
  } finally {
    rmSync(bareDir, { recursive: true, force: true })
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function tileVsSql(): Promise<void> {
  console.log('\n# 2. basemap tile countries/4/8/7 through the API vs its SQL through the driver (median of 30)')
  const drivers = [{ name: 'pglite', config: { dataDir: mkdtempSync(join(tmpdir(), 'bench-tile-')), databaseUrl: null } }]
  if (databaseUrl) drivers.push({ name: 'pg', config: { dataDir: '', databaseUrl } as never })
  for (const { name, config } of drivers) {
    const app = await startApp(config)
    const sql = sqlFile(name === 'pg' ? 'tiles/countries-mvt' : 'tiles/countries-features')
    const time = async (fn: () => Promise<unknown>) => {
      const xs: number[] = []
      for (let i = 0; i < 33; i++) {
        const t = performance.now()
        await fn()
        if (i >= 3) xs.push(performance.now() - t)
      }
      return median(xs)
    }
    // interleave the two so drift on a shared machine hits both alike
    const bareMs = await time(() => app.db.query(sql, [4, 8, 7]))
    const apiMs = await time(() => app.inject({ method: 'GET', url: '/tiles/countries/4/8/7.mvt' }))
    row(`${name}: SQL alone`, `${bareMs.toFixed(2)} ms`)
    row(`${name}: GET /tiles/countries/4/8/7.mvt`, `${apiMs.toFixed(2)} ms`, apiMs / bareMs, 'bare SQL')
    await app.close()
    if (name === 'pglite') rmSync(config.dataDir, { recursive: true, force: true })
  }
}

/** Every SQL step of one analysis run directly, one after another; returns ms per step. */
async function analysisSteps(db: Db, geometry: unknown): Promise<Record<string, number>> {
  const g = JSON.stringify(geometry)
  const ms: Record<string, number> = {}
  const step = async (name: string, params: unknown[]) => {
    const t = performance.now()
    const rows = await db.query<{ geojson?: string }>(sqlFile(`analysis/${name}`), params)
    ms[name] = performance.now() - t
    return rows
  }
  await step('line-length', [g])
  await step('country-lengths', [g])
  await step('border-crossings', [g])
  await step('places-along', [g, 25, 0.5])
  const [corridor] = await step('corridor', [g, 25, 25 / 50 / 111.32])
  await step('shared-corridors', [corridor.geojson, 20, null])
  await step('in-zone', [g, 'sahel-sahara'])
  return ms
}

async function routeAnalysis(): Promise<void> {
  console.log('\n# 4. route analysis through the API vs its SQL steps run directly (median of 3 runs)')
  const drivers = [{ name: 'pglite', config: { dataDir: mkdtempSync(join(tmpdir(), 'bench-analysis-')), databaseUrl: null as string | null } }]
  if (databaseUrl) drivers.push({ name: 'pg', config: { dataDir: '', databaseUrl } })
  for (const { name, config } of drivers) {
    const app = await startApp(config)
    const routes = (await app.inject({ method: 'GET', url: '/api/routes' })).json().features as { id: string; geometry: unknown }[]
    const coords = Array.from({ length: 5000 }, (_, i) => [7.99 + (6.44 * i) / 4999 + 0.05 * Math.sin(i / 7), 16.97 + (10.07 * i) / 4999 + 0.05 * Math.cos(i / 11)])
    const drawn = { type: 'LineString', coordinates: coords }

    const cases = [
      {
        label: `${routes.length} catalogue routes`,
        geometries: routes.map((r) => r.geometry),
        api: async () => {
          for (const r of routes) await app.inject({ method: 'GET', url: `/api/routes/${r.id}/analysis?corridor_km=25` })
        },
      },
      { label: '5,000-vertex drawn line', geometries: [drawn], api: () => app.inject({ method: 'POST', url: '/api/analysis/route?corridor_km=25', payload: drawn }) },
    ]
    for (const c of cases) {
      const heaviest: number[] = []
      const all: number[] = []
      const api: number[] = []
      for (let run = 0; run < 4; run++) {
        let sumAll = 0
        const perStep: Record<string, number> = {}
        for (const g of c.geometries) {
          for (const [k, v] of Object.entries(await analysisSteps(app.db, g))) {
            perStep[k] = (perStep[k] ?? 0) + v
            sumAll += v
          }
        }
        const t = performance.now()
        await c.api()
        if (run === 0) continue // warm-up
        api.push(performance.now() - t)
        all.push(sumAll)
        heaviest.push(Math.max(...Object.values(perStep)))
      }
      const [h, a, x] = [median(heaviest), median(all), median(api)]
      row(`${name}: ${c.label}: heaviest SQL step alone`, `${h.toFixed(0)} ms`)
      row(`${name}: ${c.label}: every SQL step in sequence`, `${a.toFixed(0)} ms`)
      row(`${name}: ${c.label}: through the API`, `${x.toFixed(0)} ms`, x / a, 'all SQL steps')
      row('', '', x / h, 'heaviest step')
    }
    await app.close()
    if (name === 'pglite') rmSync(config.dataDir, { recursive: true, force: true })
  }
}

async function memory(pgliteRss: number): Promise<void> {
  console.log('\n# 3. resident memory after start')
  row('pglite driver', `${pgliteRss.toFixed(0)} MB`)
  if (!databaseUrl) return row('pg driver', 'skipped (no DATABASE_URL)')
  const server = await bootServer({ DATABASE_URL: databaseUrl })
  server.stop()
  row('pg driver', `${server.rssMb.toFixed(0)} MB`, pgliteRss / server.rssMb, '(pglite / pg)')
}

// ---- incidents and hotspots (issue 4) ----

/** A fresh database of each driver for the incident sections; drop() removes it. */
async function scratchDatabases(tag: string): Promise<{ name: string; config: { dataDir: string; databaseUrl: string | null }; drop: () => Promise<void> }[]> {
  const out = [{ name: 'pglite', config: { dataDir: mkdtempSync(join(tmpdir(), `bench-${tag}-`)), databaseUrl: null as string | null }, drop: async () => {} }]
  out[0].drop = async () => rmSync(out[0].config.dataDir, { recursive: true, force: true })
  if (databaseUrl) {
    const dbName = `sahel_routes_bench_${tag}`
    const admin = async (sql: string) => {
      const c = new pg.Client({ connectionString: databaseUrl })
      await c.connect()
      await c.query(sql).finally(() => c.end())
    }
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
    await admin(`CREATE DATABASE ${dbName}`)
    const u = new URL(databaseUrl)
    u.pathname = `/${dbName}`
    out.push({ name: 'pg', config: { dataDir: '', databaseUrl: u.toString() }, drop: () => admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`) })
  }
  return out
}

function catalogueRoutes(): SyntheticRoute[] {
  const fc = JSON.parse(readFileSync(`${GEODATA_DIR}routes.geojson`, 'utf8'))
  return fc.features.map((f: any) => ({ ...f.properties, coordinates: f.geometry.coordinates }))
}

/** Loads 1,000,000 incidents: a pool of distinct clustered points (cells from h3-js) repeated in SQL. */
async function loadMillion(db: Db, pool: ParsedIncident[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query("INSERT INTO sources (dataset, credit) VALUES ('bench', 'bench data') ON CONFLICT DO NOTHING")
    await tx.query("INSERT INTO imports (id, file_name, format, source_dataset, checksum, strict, status, started_at) VALUES (900000, 'bench', 'csv', 'bench', 'bench', false, 'completed', now())")
    await tx.query('CREATE TEMP TABLE bench_pool (i int, r json) ON COMMIT DROP')
    for (let i = 0; i < pool.length; i += 20_000) {
      await tx.query('INSERT INTO bench_pool SELECT (e.ordinality - 1 + $2)::int, e.value FROM json_array_elements($1::json) WITH ORDINALITY e', [
        JSON.stringify(pool.slice(i, i + 20_000).map(jsonRow)),
        i,
      ])
    }
    // 1,000,000 rows: row g takes pool point g mod |pool|, its date shifted by g days mod 7 years
    await tx.query(`INSERT INTO incidents (source_dataset, source_id, import_id, occurred_on, date_precision, threat, geom, dead,
        h3_r3, h3_r4, h3_r5, h3_r6, h3_r7, h3_r8, h3_r9)
      SELECT 'bench', 'b' || g, 900000, DATE '2019-01-01' + (g % 2555), 'day', p.r->>3,
             ST_SetSRID(ST_MakePoint((p.r->>4)::float8, (p.r->>5)::float8), 4326), (g % 3),
             (p.r->>15)::bigint, (p.r->>16)::bigint, (p.r->>17)::bigint, (p.r->>18)::bigint, (p.r->>19)::bigint, (p.r->>20)::bigint, (p.r->>21)::bigint
      FROM generate_series(0, 999999) g JOIN bench_pool p ON p.i = g % ${pool.length}`)
  })
  await db.query('ANALYZE incidents')
}

async function hotspotAggregation(): Promise<void> {
  console.log('\n# 5. hotspot aggregation over 1,000,000 incidents (median of 5): endpoint vs bare SQL vs h3-js loop')
  const pool = syntheticIncidents(catalogueRoutes(), mulberry32(5), { count: 200_000 })
  const lngs = Float64Array.from(pool, (p) => p.lng)
  const lats = Float64Array.from(pool, (p) => p.lat)
  for (const { name, config, drop } of await scratchDatabases('hot')) {
    const app = await startApp(config)
    try {
      let t = performance.now()
      await loadMillion(app.db, pool)
      row(`${name}: generate 1,000,000 incidents`, `${((performance.now() - t) / 1000).toFixed(1)} s`)
      for (const res of [5, 7]) {
        const time = async (fn: () => Promise<unknown> | unknown) => {
          const xs: number[] = []
          for (let i = 0; i < 6; i++) {
            const t0 = performance.now()
            await fn()
            if (i > 0) xs.push(performance.now() - t0)
          }
          return median(xs)
        }
        const bare = await time(() => app.db.query(`SELECT h3_r${res} AS cell, count(*) AS n FROM incidents GROUP BY h3_r${res}`))
        const api = await time(async () => {
          const r = await app.inject({ method: 'GET', url: `/api/hotspots?res=${res}` })
          if (r.statusCode !== 200) throw new Error(r.body)
        })
        const loop = await time(() => {
          const counts = new Map<string, number>()
          for (let g = 0; g < 1_000_000; g++) {
            const i = g % pool.length
            const c = latLngToCell(lats[i], lngs[i], res)
            counts.set(c, (counts.get(c) ?? 0) + 1)
          }
          return counts.size
        })
        const cells = (await app.db.query(`SELECT count(DISTINCT h3_r${res})::int AS n FROM incidents`))[0].n
        row(`${name}: res ${res} bare SQL GROUP BY (${cells} cells)`, `${bare.toFixed(0)} ms`)
        row(`${name}: res ${res} GET /api/hotspots`, `${api.toFixed(0)} ms`, api / bare, 'bare SQL')
        row(`${name}: res ${res} h3-js loop over the same points`, `${loop.toFixed(0)} ms`, api / loop, '(endpoint / h3-js loop)')
      }
      t = performance.now()
    } finally {
      await app.close()
      await drop()
    }
  }
}

async function importVsCopy(): Promise<void> {
  const pgliteRows = Number(process.env.BENCH_PGLITE_ROWS ?? 200_000)
  console.log(`\n# 6. CSV import vs bare write of the same prepared rows (1,000,000 rows on pg, ${pgliteRows} on PGlite)`)
  for (const { name, config, drop } of await scratchDatabases('imp')) {
    const n = name === 'pg' ? 1_000_000 : pgliteRows
    const pool = syntheticIncidents(catalogueRoutes(), mulberry32(6), { count: n })
    const csv = join(tmpdir(), `bench-import-${name}.csv`)
    writeFileSync(csv, 'id,lat,lng,date,category,dead\n' + pool.map((p) => `${p.sourceId},${p.lat},${p.lng},${p.date},${p.threat},${p.dead}`).join('\n') + '\n')
    const app = await startApp(config)
    try {
      const db = app.db
      await db.query("INSERT INTO sources (dataset, credit) VALUES ('bench-raw', 'bench') ON CONFLICT DO NOTHING")
      await db.query("INSERT INTO imports (id, file_name, format, source_dataset, checksum, strict, status, started_at) VALUES (900001, 'raw', 'csv', 'bench-raw', 'raw', false, 'completed', now())")
      // prepared beforehand, outside the timing: the bare path only writes
      const batches: string[] = []
      for (let i = 0; i < pool.length; i += 20_000) {
        const slice = pool.slice(i, i + 20_000)
        batches.push(name === 'pg' ? slice.map((p) => copyLine(p, 'bench-raw\t900001\t')).join('') : JSON.stringify(slice.map(jsonRow)))
      }
      let t = performance.now()
      await db.transaction(async (tx) => {
        for (const b of batches) {
          if (tx.copyFrom) await tx.copyFrom(sqlFile('incidents/copy-direct'), b)
          else await tx.query(sqlFile('incidents/upsert-batch'), [b, 900001, 'bench-raw'])
        }
      })
      const rawMs = performance.now() - t
      await db.query("DELETE FROM incidents WHERE source_dataset = 'bench-raw'")
      await db.query('VACUUM incidents')
      t = performance.now()
      const report = await importFile(db, { path: csv, fileName: 'bench.csv', format: 'csv', dataset: 'bench-csv' })
      const importMs = performance.now() - t
      if (report.inserted !== n) throw new Error(`import inserted ${report.inserted} of ${n}`)
      row(`${name}: bare ${name === 'pg' ? 'COPY' : 'JSON INSERT'} of ${n} prepared rows`, `${Math.round(n / (rawMs / 1000))} rows/s`)
      row(`${name}: npm run import of the ${n}-row CSV`, `${Math.round(n / (importMs / 1000))} rows/s`, rawMs / importMs, 'of bare throughput')
    } finally {
      await app.close()
      await drop()
      rmSync(csv, { force: true })
    }
  }
}

async function giStarZone(): Promise<void> {
  console.log('\n# 7. Gi* (k=1, FDR) over every res-7 cell of the operational zone, in a child process')
  const code = `
    import { polygonToCells } from 'h3-js'
    import { readFileSync } from 'node:fs'
    const { giStar } = await import(${JSON.stringify(new URL('../server/geo/gistar.ts', import.meta.url).pathname)})
    const { mulberry32 } = await import(${JSON.stringify(new URL('../server/geo/prng.ts', import.meta.url).pathname)})
    const zone = JSON.parse(readFileSync(${JSON.stringify(`${GEODATA_DIR}build/zone.geojson`)}, 'utf8')).features[0].geometry
    const rss0 = process.memoryUsage().rss
    let t = performance.now()
    const cells = [...new Set(zone.coordinates.flatMap((poly) => polygonToCells(poly, 7, true)))]
    const polyMs = performance.now() - t
    const random = mulberry32(7)
    const input = cells.map((h3) => ({ h3, value: random() < 0.05 ? Math.floor(random() * 20) : 0 }))
    t = performance.now()
    const out = giStar(input, { k: 1, fdr: true, fillNeighbours: false })
    const giMs = performance.now() - t
    console.log(JSON.stringify({ cells: cells.length, polyMs, giMs, hot: out.filter((c) => c.class === 'hot_99').length, peakMb: process.resourceUsage().maxRSS / 1024, baseMb: rss0 / 1048576 }))`
  const result = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.on('exit', (c) => (c === 0 ? resolve(out.trim()) : reject(new Error(`gi* child exited ${c}`))))
  })
  const r = JSON.parse(result.split('\n').at(-1)!)
  row(`zone cells at res 7 (polygonToCells ${(r.polyMs / 1000).toFixed(1)} s)`, `${r.cells}`)
  row('Gi* z, p, BH q and class over all of them', `${(r.giMs / 1000).toFixed(1)} s`)
  row('peak resident memory of the process', `${r.peakMb.toFixed(0)} MB`, r.peakMb / r.baseMb, '(peak / baseline RSS)')
}

// ---- patrol siting (issue 5) ----

async function patrolSiting(): Promise<void> {
  const timeLimitS = Number(process.env.BENCH_PATROL_TIME_LIMIT ?? 300)
  console.log('\n# 8. patrol siting: res-6 candidates within 100 km of every member-state border; demand on res-5 cells from')
  console.log(`#    1,000,000 incidents (weight 1) + route-km (weight 0.5); k=10, reach 80 km, no spacing; exact limit ${timeLimitS} s`)
  const dbs = await scratchDatabases('pat')
  // the server when DATABASE_URL is set, else PGlite
  const { name, config } = dbs[dbs.length - 1]
  const app = await startApp(config)
  try {
    let t = performance.now()
    await loadMillion(app.db, syntheticIncidents(catalogueRoutes(), mulberry32(8), { count: 200_000 }))
    row(`${name}: generate 1,000,000 incidents`, `${((performance.now() - t) / 1000).toFixed(1)} s`)
    // every row of borders has a member state on one side (geo/borders.ts)
    const pairs = (await app.db.query<{ a_iso3: string; b_iso3: string }>('SELECT a_iso3, b_iso3 FROM borders ORDER BY 1, 2')).map((r) => [r.a_iso3, r.b_iso3] as [string, string])
    t = performance.now()
    const cand = await candidateSites(app.db, { h3Res: 6, pairs, borderKm: 100, countries: null, polygon: null, exclude: null })
    row(`${name}: candidates (${pairs.length} borders, h3-js + exact PostGIS filter)`, `${cand.points.length}`, undefined)
    row('  time', `${((performance.now() - t) / 1000).toFixed(1)} s`)
    t = performance.now()
    const demand = await gatherDemand(app.db, { h3Res: 5, incidents: { weight: 1, filter: {}, sum: null }, routes: { weight: 0.5, families: null } })
    const inst = buildCoverage({ candidates: cand.points, demand: demand.points, weights: demand.weights, radiusKm: 80 })
    row(`demand cells / coverage entries (built in ${((performance.now() - t) / 1000).toFixed(1)} s)`, `${inst.n} / ${inst.covIdx.length}`)
    const runs: number[] = []
    let greedy: number[] = []
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now()
      greedy = swapSearch(inst, lazyGreedy(inst, 10).chosen, MAX_SWAPS).chosen
      runs.push(performance.now() - t0)
    }
    const greedyMs = median(runs)
    const greedyCovered = coveredWeight(inst, greedy)
    t = performance.now()
    const model = buildMclpModel(inst, 10)
    const exact = await solveInWorker(model, { integer: true, timeLimitS, start: mipStart(model, inst, greedy) })
    const exactMs = performance.now() - t
    const exactCovered = exact.colValue ? coveredWeight(inst, chosenSites(model, exact.colValue)) : NaN
    row('lazy greedy + swaps (median of 3)', `${greedyMs.toFixed(0)} ms`)
    row(`exact MIP in a worker (${model.siteCols} site cols, ${model.numRows} rows; ${exact.status})`, `${exactMs.toFixed(0)} ms`, exactMs / greedyMs, '(exact time / greedy time; target ≥ 20)')
    row(`covered demand (of ${inst.weights.reduce((a, b) => a + b, 0).toFixed(2)}): greedy / exact / bound`, `${greedyCovered.toFixed(4)} / ${exactCovered.toFixed(4)} / ${exact.bound?.toFixed(4)}`)
    row('greedy coverage / exact optimum (target ≥ 0.98)', (greedyCovered / exactCovered).toFixed(5))
    row('peak resident memory of the bench process', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
  } finally {
    await app.close()
    for (const d of dbs) await d.drop()
  }
}

// ---- static maps (issue 6) ----

/** Median time and resident-memory growth (sampled every 5 ms, peak over the baseline) of a GET. */
async function timedGet(app: Awaited<ReturnType<typeof startApp>>, url: string, runs: number): Promise<{ ms: number; peakMb: number; bytes: number }> {
  const times: number[] = []
  let peak = 0
  let bytes = 0
  for (let i = 0; i < runs; i++) {
    const base = process.memoryUsage().rss
    let top = base
    const timer = setInterval(() => (top = Math.max(top, process.memoryUsage().rss)), 5)
    const t = performance.now()
    const res = await app.inject({ method: 'GET', url })
    times.push(performance.now() - t)
    clearInterval(timer)
    top = Math.max(top, process.memoryUsage().rss)
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`)
    bytes = res.rawPayload.length
    peak = Math.max(peak, (top - base) / 1048576)
  }
  return { ms: median(times), peakMb: peak, bytes }
}

async function staticMaps(): Promise<void> {
  console.log('\n# 9. static map, 1600x1000, operational zone, hotspots at res 6 over 1,000,000 incidents (median of 3)')
  const dbs = await scratchDatabases('map')
  const { name, config } = dbs[dbs.length - 1]
  const app = await startApp(config)
  try {
    await loadMillion(app.db, syntheticIncidents(catalogueRoutes(), mulberry32(9), { count: 200_000 }))
    const query = 'width=1600&height=1000&date=2024-03-07&bbox=-17.5,15,27,23.44&layers=zone,hotspots,borders,routes,places&hres=6&title=Incident%20hotspots'
    const cells = (await app.inject({ method: 'GET', url: '/api/hotspots?res=6&bbox=-17.5,15,27,23.44' })).json().cells.length
    await app.inject({ method: 'GET', url: `/api/maps/static.png?${query}` }) // warm: fonts, JIT
    const svg = await timedGet(app, `/api/maps/static.svg?${query}`, 3)
    const png = await timedGet(app, `/api/maps/static.png?${query}`, 3)
    row(`${name}: res-6 cells in the view`, `${cells}`)
    row(`SVG alone (query + render, ${(svg.bytes / 1048576).toFixed(1)} MB)`, `${svg.ms.toFixed(0)} ms`)
    row(`PNG (query + render + resvg, ${(png.bytes / 1048576).toFixed(1)} MB)`, `${png.ms.toFixed(0)} ms`, png.ms / svg.ms, '(PNG time / SVG time)')
    row('resident memory growth during one SVG request (peak)', `${svg.peakMb.toFixed(0)} MB`)
    row('resident memory growth during one PNG request (peak)', `${png.peakMb.toFixed(0)} MB`, png.peakMb / Math.max(1, svg.peakMb), '(PNG / SVG)')
    row('peak resident memory of the bench process', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
  } finally {
    await app.close()
    for (const d of dbs) await d.drop()
  }
}

async function main(): Promise<void> {
  console.log(`Sahel Routes bench — ${new Date().toISOString()}, node ${process.version}, DATABASE_URL ${databaseUrl ? 'set' : 'not set'}`)
  const only = process.argv.slice(2)
  const want = (n: string) => only.length === 0 || only.includes(n)
  const pgliteRss = want('start') || want('memory') ? await coldStart() : 0
  if (want('tiles')) await tileVsSql()
  if (want('memory')) await memory(pgliteRss)
  if (want('analysis')) await routeAnalysis()
  if (want('hotspots')) await hotspotAggregation()
  if (want('import')) await importVsCopy()
  if (want('gistar')) await giStarZone()
  if (want('patrols')) await patrolSiting()
  if (want('static')) await staticMaps()
  if (want('ogc')) await ogcAndTiles()
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
