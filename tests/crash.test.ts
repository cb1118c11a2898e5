// Crash safety: kill -9 in the middle of a large import leaves no partial import, the database
// (the embedded one included) reopens cleanly, and the same import then succeeds. The import and
// the server are real child processes: `npm run import`'s CLI, then `server/main.ts`.
import { exited, waitForOutput } from './helpers/child-process.ts'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyTemplate, testDrivers } from './helpers/databases.ts'
import { generatedCsv } from './helpers/generated-incidents.ts'
import { rollupDrift } from './helpers/rollup.ts'
import { startApp } from '../server/start.ts'

/**
 * Rows of the import, enough for the kill (at its first progress line, after one batch of 5,000 rows
 * on PGlite, 20,000 with COPY on pg) to land with most batches still to come; the import after the
 * crash then writes them all. More rows only make that import longer (PGlite: about 0.6 ms a row
 * with the rollup triggers on a loaded 2-core machine).
 */
const ROWS_ON = { pglite: 50_000, pg: 100_000 } as const
const DATASET = 'crash-test'

/** The environment of a child process on this database copy; PORT 0 picks a free port. */
function childEnv(config: { dataDir: string; databaseUrl: string | null }): NodeJS.ProcessEnv {
  const { DATABASE_URL: _unused, ...env } = process.env
  return {
    ...env,
    ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : { DATA_DIR: config.dataDir }),
    HOST: '127.0.0.1',
    PORT: '0',
    DEMO_DATA: 'off',
    LOG_LEVEL: 'info',
  }
}

/** Starts server/main.ts; resolves with its base URL once it listens. */
async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  const [, base] = await waitForOutput(child, /Server listening at (http:\/\/127\.0\.0\.1:\d+)/, 60_000)
  return { child, base }
}

describe.each(testDrivers())('kill -9 in the middle of a large import on %s', (driver) => {
  const ROWS = ROWS_ON[driver]
  let dir: string
  let csvPath: string
  let env: NodeJS.ProcessEnv
  let drop: () => Promise<void>
  let config: { dataDir: string; databaseUrl: string | null }
  const children: ChildProcess[] = []
  /** the service started after the crash, kept for the import after it (one start less) */
  let server: { child: ChildProcess; base: string }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sahel-crash-'))
    csvPath = join(dir, 'large.csv')
    writeFileSync(csvPath, generatedCsv(ROWS, 11))
    const copy = await copyTemplate(driver)
    drop = copy.drop
    config = copy.config
    env = childEnv(copy.config)
  })
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await Promise.all(children.map(exited))
    await drop?.()
    rmSync(dir, { recursive: true, force: true })
  })

  it('leaves no partial import after restart, and the database reopens cleanly', async () => {
    const importer = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', csvPath, '--dataset', DATASET], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    children.push(importer)
    // the progress line appears after the first batch is written inside the import's transaction
    const [, rows] = await waitForOutput(importer, /([\d,]+) rows /, 60_000)
    importer.kill('SIGKILL')
    expect(await exited(importer)).toBe(null)
    expect(Number(rows.replace(/,/g, ''))).toBeGreaterThan(0)
    expect(Number(rows.replace(/,/g, ''))).toBeLessThan(ROWS)

    server = await startServer(env)
    children.push(server.child)
    const health = await fetch(`${server.base}/api/health`)
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ status: 'ok', driver, database: 'up' })
    const { imports } = (await (await fetch(`${server.base}/api/imports?limit=500`)).json()) as { imports: { source_dataset: string }[] }
    expect(imports.filter((i) => i.source_dataset === DATASET)).toEqual([])
    const items = (await (await fetch(`${server.base}/ogc/collections/incidents/items?source=${DATASET}&limit=1`)).json()) as { numberMatched: number }
    expect(items.numberMatched).toBe(0)
    // the cell rollup (issue 17) went down with the rows: no cell of the dataset
    const cells = (await (await fetch(`${server.base}/api/hotspots?res=3&source=${DATASET}`)).json()) as { cells: unknown[] }
    expect(cells.cells).toEqual([])
  }, 120_000)

  it('runs the same import to completion after the crash, with every row, and stops cleanly', async () => {
    const form = new FormData()
    form.append('dataset', DATASET)
    form.append('file', new Blob([await readFile(csvPath)]), 'large.csv')
    const res = await fetch(`${server.base}/api/imports`, { method: 'POST', body: form })
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ status: 'completed', source_dataset: DATASET, rows_read: ROWS, inserted: ROWS, rejected: 0 })
    const items = (await (await fetch(`${server.base}/ogc/collections/incidents/items?source=${DATASET}&limit=1`)).json()) as { numberMatched: number }
    expect(items.numberMatched).toBe(ROWS)
    server.child.kill('SIGTERM')
    expect(await exited(server.child)).toBe(0)
    // 50,000 rows with the cell rollup kept by its triggers: on a loaded 2-core machine PGlite needs about 30 s
  }, 300_000)

  it('keeps the cell rollup equal to a recount of the rows through the crash and the re-import', async () => {
    const app = await startApp(config)
    try {
      const [row] = await app.db.query<{ n: number }>("SELECT COALESCE(sum(n), 0)::int AS n FROM incident_cells WHERE h3_res = 5 AND month IS NULL AND source_dataset = $1", [DATASET])
      expect(row.n).toBe(ROWS)
      expect(await rollupDrift(app.db)).toBe(0)
    } finally {
      await app.close()
    }
  }, 120_000)
})
