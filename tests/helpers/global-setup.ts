// Once per `vitest run`: build geodata and the web app if stale, then prepare a migrated,
// seeded template database for each driver under test.
import { execFileSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { migrate } from '../../server/db/migrate.ts'
import { openPgDb } from '../../server/db/pg.ts'
import { openPgliteDb } from '../../server/db/pglite.ts'
import type { Db } from '../../server/db/types.ts'
import { loadGeodata } from '../../server/load-geodata.ts'
import { adminQuery, PG_TEMPLATE_DB, PGLITE_TEMPLATE_DIR, testDrivers, withDatabase } from './databases.ts'

async function prepare(db: Db): Promise<void> {
  try {
    await migrate(db)
    await loadGeodata(db)
  } finally {
    await db.close()
  }
}

export default async function setup(): Promise<void> {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { stdio: 'inherit' })
  const drivers = testDrivers()
  // A fresh template every run: migrations or geodata may have changed since the last one.
  if (existsSync(PGLITE_TEMPLATE_DIR)) rmSync(PGLITE_TEMPLATE_DIR, { recursive: true, force: true })
  const jobs = [prepare(await openPgliteDb(PGLITE_TEMPLATE_DIR))]
  if (drivers.includes('pg')) {
    const admin = process.env.DATABASE_URL!
    await adminQuery(admin, `DROP DATABASE IF EXISTS ${PG_TEMPLATE_DB} WITH (FORCE)`)
    await adminQuery(admin, `CREATE DATABASE ${PG_TEMPLATE_DB}`)
    jobs.push(prepare(await openPgDb(withDatabase(admin, PG_TEMPLATE_DB), { max: 2 })))
  }
  await Promise.all(jobs)
}
