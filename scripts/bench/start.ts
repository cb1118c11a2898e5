// Bench sections 1–3: embedded cold start against a bare PGlite.create, a basemap tile through the
// API against its SQL, and resident memory of the started server on each driver.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sqlFile } from '../../server/db/sql-files.ts'
import { startApp } from '../../server/start.ts'
import { databaseUrl, median, row } from './common.ts'

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

export async function coldStart(): Promise<number> {
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

export async function tileVsSql(): Promise<void> {
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
    // the tile cache emptied before each request: the API computes the tile from its SQL every time
    const apiMs = await time(() => {
      app.tileCache.clear()
      return app.inject({ method: 'GET', url: '/tiles/countries/4/8/7.mvt' })
    })
    row(`${name}: SQL alone`, `${bareMs.toFixed(2)} ms`)
    row(`${name}: GET /tiles/countries/4/8/7.mvt, uncached`, `${apiMs.toFixed(2)} ms`, apiMs / bareMs, 'bare SQL')
    await app.close()
    if (name === 'pglite') rmSync(config.dataDir, { recursive: true, force: true })
  }
}

export async function memory(pgliteRss: number): Promise<void> {
  console.log('\n# 3. resident memory after start')
  row('pglite driver', `${pgliteRss.toFixed(0)} MB`)
  if (!databaseUrl) return row('pg driver', 'skipped (no DATABASE_URL)')
  const server = await bootServer({ DATABASE_URL: databaseUrl })
  server.stop()
  row('pg driver', `${server.rssMb.toFixed(0)} MB`, pgliteRss / server.rssMb, '(pglite / pg)')
}
