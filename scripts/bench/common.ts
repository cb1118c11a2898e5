// What every bench section shares: printing a figure with its ratio, medians, and scratch
// databases for each driver (PGlite always; PostgreSQL when DATABASE_URL is set).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

export const databaseUrl = process.env.DATABASE_URL || null

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

/** Prints one figure, and its ratio to a baseline measured in the same run. */
export function row(name: string, value: string, ratio?: number, against?: string): void {
  console.log(`${name.padEnd(58)} ${value.padStart(12)}${ratio === undefined ? '' : `   ${ratio.toFixed(2)}x ${against}`}`)
}

/** Median ms of fn over n runs after `warm` warm-up runs. */
export async function medianMs(n: number, fn: () => Promise<unknown>, warm = 2): Promise<number> {
  const xs: number[] = []
  for (let i = 0; i < n + warm; i++) {
    const t = performance.now()
    await fn()
    if (i >= warm) xs.push(performance.now() - t)
  }
  return median(xs)
}

export interface ScratchDb {
  name: 'pglite' | 'pg'
  config: { dataDir: string; databaseUrl: string | null }
  drop: () => Promise<void>
}

/**
 * A fresh empty database per driver, named for the section (or pgName on PostgreSQL); drop() removes it.
 * With keep (and pgName), the PostgreSQL database is created only if missing, kept as it is
 * (rows included) and never dropped, so a long load serves several runs.
 */
export async function scratchDatabases(tag: string, pgName?: string, keep = false): Promise<ScratchDb[]> {
  const dir = mkdtempSync(join(tmpdir(), `bench-${tag}-`))
  const out: ScratchDb[] = [{ name: 'pglite', config: { dataDir: dir, databaseUrl: null }, drop: async () => rmSync(dir, { recursive: true, force: true }) }]
  if (databaseUrl) {
    // per run, so benches of several checkouts on one server do not drop each other's database;
    // named after DATABASE_URL's database, so whose scratch database it is shows
    const dbName = pgName ?? `${new URL(databaseUrl).pathname.slice(1) || 'sahel_routes'}_bench_${tag}_${process.pid}`
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(dbName)) throw new Error(`database name must be plain lower-case, got "${dbName}"`)
    const admin = async (sql: string) => {
      const c = new pg.Client({ connectionString: databaseUrl })
      await c.connect()
      await c.query(sql).finally(() => c.end())
    }
    if (keep && !pgName) throw new Error('a kept database needs a name')
    if (keep) await admin(`CREATE DATABASE ${dbName}`).catch((err) => {
      if (err.code !== '42P04') throw err // 42P04: it exists already, keep it
    })
    else {
      await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
      await admin(`CREATE DATABASE ${dbName}`)
    }
    const u = new URL(databaseUrl)
    u.pathname = `/${dbName}`
    out.push({ name: 'pg', config: { dataDir: '', databaseUrl: u.toString() }, drop: keep ? async () => {} : () => admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`) })
  }
  return out
}

/** Median time, resident-memory growth (sampled every 5 ms, peak over the baseline) and answer size of a request through app.inject. */
export async function timedInject(
  app: { inject(options: { method: 'GET' | 'POST'; url: string; payload?: unknown }): Promise<{ statusCode: number; rawPayload: Buffer; body: string }> },
  request: { method: 'GET' | 'POST'; url: string; payload?: unknown },
  runs: number,
): Promise<{ ms: number; peakMb: number; bytes: number; body: Buffer }> {
  const times: number[] = []
  let peak = 0
  let body: Buffer = Buffer.alloc(0)
  for (let i = 0; i < runs; i++) {
    const base = process.memoryUsage().rss
    let top = base
    const timer = setInterval(() => (top = Math.max(top, process.memoryUsage().rss)), 5)
    const t = performance.now()
    const res = await app.inject(request)
    times.push(performance.now() - t)
    clearInterval(timer)
    top = Math.max(top, process.memoryUsage().rss)
    if (res.statusCode !== 200) throw new Error(`${request.url}: ${res.statusCode} ${res.body.slice(0, 200)}`)
    body = res.rawPayload
    peak = Math.max(peak, (top - base) / 1048576)
  }
  return { ms: median(times), peakMb: peak, bytes: body.length, body }
}
