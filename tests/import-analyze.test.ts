// A large import or bundle merge refreshes the planner's statistics of the incidents and the cell rollup, so the
// reads after it are planned for the rows now there (autovacuum may be off, as on this project's
// CI server, or not have run yet). `pg_class.reltuples` is written by ANALYZE in the same
// transaction, on both drivers.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../server/db/types.ts'
import { ANALYZE_AFTER_ROWS } from '../server/repos/imports.ts'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'
import { exportTo, instance, merge, register, type Instance } from './helpers/exchange.ts'
import { multipart } from './helpers/multipart.ts'

/** `n` incidents on a 0.01° grid over the Aïr (Niger), one a day from 2020. */
function csv(n: number, prefix: string): string {
  const lines = ['id,latitude,longitude,date,dead']
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2020, 0, 1 + (i % 1500))).toISOString().slice(0, 10)
    lines.push(`${prefix}-${i},${(17 + (i % 100) * 0.01).toFixed(2)},${(8 + Math.floor(i / 100) * 0.01).toFixed(2)},${day},${i % 3}`)
  }
  return lines.join('\n')
}

/** The planner's row estimates of the incidents and the two rollup partitions. */
async function estimatesIn(db: Db): Promise<Record<string, number>> {
  const rows = await db.query<{ relname: string; n: number }>(
    "SELECT relname, reltuples::float8 AS n FROM pg_class WHERE relname IN ('incidents', 'incident_cells_all_time', 'incident_cells_monthly')",
  )
  return Object.fromEntries(rows.map((r) => [r.relname, r.n]))
}

const countIn = async (db: Db, table: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n

async function uploadTo(app: TestApp['app'], name: string, content: string, fields: Record<string, string> = {}) {
  const { payload, headers } = multipart({ dataset: name, ...fields }, { name: `${name}.csv`, content })
  const res = await app.inject({ method: 'POST', url: '/api/imports', payload, headers })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

describe.each(testDrivers())('statistics after an import on %s', (driver) => {
  let t: TestApp
  beforeAll(async () => {
    t = await build(driver)
  })
  afterAll(async () => t?.close())

  const estimates = () => estimatesIn(t.app.db)
  const count = (table: string) => countIn(t.app.db, table)
  const upload = (name: string, content: string) => uploadTo(t.app, name, content)

  it('a small import leaves the statistics as they were', async () => {
    const before = await estimates()
    expect((await upload('small-batch', csv(50, 'S'))).inserted).toBe(50)
    expect(await estimates()).toEqual(before)
  })

  it(`an import of ${ANALYZE_AFTER_ROWS.toLocaleString('en')} rows or more leaves estimates equal to the rows now stored`, async () => {
    expect((await upload('large-batch', csv(ANALYZE_AFTER_ROWS, 'L'))).inserted).toBe(ANALYZE_AFTER_ROWS)
    const after = await estimates()
    // a table this size is sampled whole: the estimates are the counts
    expect(after.incidents).toBe(await count('incidents'))
    expect(after.incident_cells_all_time).toBe(await count('incident_cells_all_time'))
    expect(after.incident_cells_monthly).toBe(await count('incident_cells_monthly'))
  })
})

describe.each(testDrivers())('statistics after a bundle merge on %s', (driver) => {
  const dir = mkdtempSync(join(tmpdir(), 'sahel-analyze-'))
  let niger: Instance
  let mali: Instance
  beforeAll(async () => {
    niger = await instance('pglite', dir, 'niger', 'NER', 'Niger border police')
    mali = await instance(driver, dir, 'mali', 'MLI', 'Mali customs')
    expect((await register(niger, 'mali', mali, ['regional'])).statusCode).toBe(201)
    expect((await register(mali, 'niger', niger, ['regional'])).statusCode).toBe(201)
  })
  afterAll(async () => {
    await niger?.close()
    await mali?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it(`a bundle of ${ANALYZE_AFTER_ROWS.toLocaleString('en')} incidents leaves the receiver's estimates equal to the rows now stored`, async () => {
    await uploadTo(niger.app, 'ner-large', csv(ANALYZE_AFTER_ROWS, 'N'), { sharing: 'regional' })
    const res = await merge(mali, await exportTo(niger, 'mali'))
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().counts.incidents.inserted).toBe(ANALYZE_AFTER_ROWS)
    const after = await estimatesIn(mali.app.db)
    expect(after.incidents).toBe(await countIn(mali.app.db, 'incidents'))
    expect(after.incident_cells_all_time).toBe(await countIn(mali.app.db, 'incident_cells_all_time'))
    expect(after.incident_cells_monthly).toBe(await countIn(mali.app.db, 'incident_cells_monthly'))
  })
})
