// Once per `vitest run`: build geodata and the web app if stale, then prepare a migrated,
// seeded template database for each driver under test.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { migrate } from '../../server/db/migrate.ts'
import { openPgDb } from '../../server/db/pg.ts'
import { openPgliteDb } from '../../server/db/pglite.ts'
import type { Db } from '../../server/db/types.ts'
import { loadGeodata } from '../../server/load-geodata.ts'
import { adminQuery, templateNames, testDrivers, withDatabase } from './databases.ts'

async function prepare(db: Db): Promise<void> {
  try {
    await migrate(db)
    await loadGeodata(db)
  } finally {
    await db.close()
  }
}

/**
 * Opens a PGlite database in the new folder dir. PGlite's initdb (most of the time of a first
 * open) depends only on the PGlite build, so its result is kept in .tmp, named by the versions,
 * and copied: opening a copy costs a third of running initdb again.
 */
async function openFreshPglite(dir: string): Promise<Db> {
  const version = (name: string) => (JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')) as { version: string }).version
  const initdb = join('.tmp', `pglite-initdb-${version('@electric-sql/pglite')}-postgis-${version('@electric-sql/pglite-postgis')}`)
  if (!existsSync(initdb)) {
    const scratch = `${initdb}.${process.pid}`
    rmSync(scratch, { recursive: true, force: true })
    await (await openPgliteDb(scratch)).close()
    try {
      renameSync(scratch, initdb)
    } catch {
      // a run beside this one made it first: keep theirs
      rmSync(scratch, { recursive: true, force: true })
    }
  }
  cpSync(initdb, dir, { recursive: true })
  return openPgliteDb(dir)
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { stdio: 'inherit' })
  const drivers = testDrivers()
  // Fresh templates every run (migrations or geodata may have changed), named for this run.
  const { pgliteTemplateDir, pgTemplateDb } = templateNames(`${process.pid}`)
  rmSync(pgliteTemplateDir, { recursive: true, force: true })
  const jobs = [openFreshPglite(pgliteTemplateDir).then(prepare)]
  const admin = process.env.DATABASE_URL
  if (drivers.includes('pg') && admin) {
    await adminQuery(admin, `DROP DATABASE IF EXISTS ${pgTemplateDb} WITH (FORCE)`)
    await adminQuery(admin, `CREATE DATABASE ${pgTemplateDb}`)
    jobs.push(prepare(await openPgDb(withDatabase(admin, pgTemplateDb), { max: 2 })))
  }
  await Promise.all(jobs)
  project.provide('pgliteTemplateDir', pgliteTemplateDir)
  project.provide('pgTemplateDb', pgTemplateDb)
  return async () => {
    rmSync(pgliteTemplateDir, { recursive: true, force: true })
    if (drivers.includes('pg') && admin) await adminQuery(admin, `DROP DATABASE IF EXISTS ${pgTemplateDb} WITH (FORCE)`)
  }
}
