// Test databases for both drivers. Preparing one (PostGIS, migrations, geodata) takes tens of
// seconds, so the global setup prepares a template once per run and each test file copies it:
// a PGlite data folder copied on disk, a PostgreSQL database created WITH TEMPLATE.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'

export type DriverName = 'pglite' | 'pg'

declare module 'vitest' {
  export interface ProvidedContext {
    /** this run's prepared PGlite data folder */
    pgliteTemplateDir: string
    /** this run's prepared PostgreSQL template database */
    pgTemplateDb: string
  }
}

/** Names of one run's templates: unique per run, so runs side by side do not collide. */
export function templateNames(runId: string): { pgliteTemplateDir: string; pgTemplateDb: string } {
  return { pgliteTemplateDir: join(process.cwd(), '.tmp', `pglite-template-${runId}`), pgTemplateDb: `sahel_routes_template_${runId}` }
}

/**
 * The drivers the integration suite runs against: always PGlite; the PostGIS server when
 * DATABASE_URL is set. Under CI=true a missing DATABASE_URL is an error, not a skip.
 */
export function testDrivers(): DriverName[] {
  if (process.env.DATABASE_URL) return ['pglite', 'pg']
  if (process.env.CI === 'true') throw new Error('CI=true but DATABASE_URL is not set: the PostGIS driver tests cannot be skipped in CI')
  console.warn('skipped: no PostGIS (DATABASE_URL not set) — integration tests run on PGlite only')
  return ['pglite']
}

/** Returns DATABASE_URL with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

/** A fresh copy of the prepared template for one test file, and how to drop it. */
export async function copyTemplate(driver: DriverName): Promise<{ config: { dataDir: string; databaseUrl: string | null }; drop: () => Promise<void> }> {
  if (driver === 'pglite') {
    const template = inject('pgliteTemplateDir')
    if (!template || !existsSync(template)) throw new Error(`no PGlite template at ${template}: run the suite through vitest (global setup)`)
    const dir = mkdtempSync(join(tmpdir(), 'sahel-pglite-'))
    cpSync(template, dir, { recursive: true })
    return { config: { dataDir: dir, databaseUrl: null }, drop: async () => rmSync(dir, { recursive: true, force: true }) }
  }
  const admin = process.env.DATABASE_URL!
  const name = `sahel_routes_t${process.pid}_${Math.floor(Math.random() * 1e9)}`
  await adminQuery(admin, `CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplateDb')}`)
  return {
    config: { dataDir: '', databaseUrl: withDatabase(admin, name) },
    drop: async () => adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  }
}

/** Runs one statement on the server named by url, on a short-lived connection. */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
