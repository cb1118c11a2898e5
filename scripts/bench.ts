// npm run bench: figures measured side by side in one run, printed as ratios against a baseline
// measured in the same run (this machine is shared and noisy; absolute times mean little).
//   1. embedded cold start: first and second `npm start`-equivalent boot vs a bare PGlite.create
//   2. a basemap tile through the API vs the same SQL run directly through the driver
//   3. resident memory of the started server on each driver
//   4. route analysis of the whole catalogue and of a 5,000-vertex drawn line vs its heaviest SQL
// The PostGIS rows run when DATABASE_URL is set. `npm run bench -- analysis tiles` runs some sections.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sqlFile } from '../server/db/sql-files.ts'
import type { Db } from '../server/db/types.ts'
import { startApp } from '../server/start.ts'

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

async function main(): Promise<void> {
  console.log(`Sahel Routes bench — ${new Date().toISOString()}, node ${process.version}, DATABASE_URL ${databaseUrl ? 'set' : 'not set'}`)
  const only = process.argv.slice(2)
  const want = (n: string) => only.length === 0 || only.includes(n)
  const pgliteRss = want('start') || want('memory') ? await coldStart() : 0
  if (want('tiles')) await tileVsSql()
  if (want('memory')) await memory(pgliteRss)
  if (want('analysis')) await routeAnalysis()
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
