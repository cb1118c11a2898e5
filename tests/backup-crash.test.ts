// kill -9 in the middle of `npm run restore -- FILE --replace` and of `npm run migrate-to`: the
// target is afterwards exactly as before (the restore's one transaction never committed), and the
// same command then runs to completion with every table identical. Real child processes.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../server/db/open.ts'
import type { Db } from '../server/db/types.ts'
import { backupToFile } from '../server/ops/archive-file.ts'
import { databaseDigest, type DatabaseDigest } from '../server/ops/digest.ts'
import { appliedMigrations } from '../server/repos/ops.ts'
import { adminQuery, copyTemplate, type DriverName, testDrivers, withDatabase } from './helpers/databases.ts'
import { insertGeneratedIncidents } from './helpers/generated-incidents.ts'

const INCIDENTS = 20_000

type DbConfig = { dataDir: string; databaseUrl: string | null }

function childEnv(config: DbConfig): NodeJS.ProcessEnv {
  const { DATABASE_URL: _unused, DATA_DIR: _unused2, ...env } = process.env
  return { ...env, ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : { DATA_DIR: config.dataDir }), LOG_LEVEL: 'silent' }
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))))

/** Runs a script to its end or until pattern shows in its output (then kill -9); returns its output and exit code. */
function run(script: string, args: string[], env: NodeJS.ProcessEnv, killAt?: RegExp): Promise<{ output: string; code: number | null; killed: boolean }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  let killed = false
  const onData = (chunk: Buffer) => {
    output += chunk.toString()
    if (killAt && !killed && killAt.test(output)) {
      killed = true
      child.kill('SIGKILL')
    }
  }
  child.stdout.on('data', onData)
  child.stderr.on('data', onData)
  return exited(child).then((code) => ({ output, code, killed }))
}

/** Digest of the database at config, opened for the moment. */
async function digestOf(config: DbConfig): Promise<{ digest: DatabaseDigest; migrations: string[] }> {
  const db: Db = await openDb(config)
  try {
    const migrations = await appliedMigrations(db)
    return { digest: migrations.length > 0 ? await databaseDigest(db) : { tables: {}, sequences: {} }, migrations }
  } finally {
    await db.close()
  }
}

/** A brand-new empty database of driver: a folder not yet created, or a new server database. */
async function emptyTarget(driver: DriverName, dir: string): Promise<{ config: DbConfig; arg: string; drop: () => Promise<void> }> {
  if (driver === 'pglite') {
    const dataDir = join(dir, 'laptop')
    return { config: { dataDir, databaseUrl: null }, arg: `embedded:${dataDir}`, drop: async () => rmSync(dataDir, { recursive: true, force: true }) }
  }
  const admin = process.env.DATABASE_URL!
  const name = `${new URL(admin).pathname.slice(1)}_crash_${process.pid}`
  await adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await adminQuery(admin, `CREATE DATABASE ${name}`)
  const url = withDatabase(admin, name)
  return { config: { dataDir: '', databaseUrl: url }, arg: url, drop: async () => adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

describe.each(testDrivers())('kill -9 during restore and migrate-to, target on %s', (driver) => {
  let dir: string
  let archive: string
  let source: Awaited<ReturnType<typeof copyTemplate>>
  let sourceDigest: DatabaseDigest
  const drops: (() => Promise<void>)[] = []

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sahel-ops-crash-'))
    archive = join(dir, 'backup.tar')
    // the source is always an embedded database: the laptop that grew into a server
    source = await copyTemplate('pglite')
    drops.push(source.drop)
    const db = await openDb(source.config)
    try {
      await insertGeneratedIncidents(db, INCIDENTS, 'crash-source')
      await backupToFile(db, archive)
      sourceDigest = await databaseDigest(db)
    } finally {
      await db.close()
    }
  })
  afterAll(async () => {
    for (const drop of drops) await drop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('restore --replace killed mid-transaction leaves the target as it was; run again, it is the archive', async () => {
    const target = await copyTemplate(driver)
    drops.push(target.drop)
    const before = await digestOf(target.config)
    expect(before.digest.tables.incidents.rows).toBe(0)
    const killed = await run('scripts/restore.ts', [archive, '--replace'], childEnv(target.config), /restored \w+ /)
    expect(killed.killed).toBe(true)
    expect(killed.code).toBe(null)
    expect(killed.output).not.toContain('restore committed')
    expect(await digestOf(target.config)).toEqual(before)

    const done = await run('scripts/restore.ts', [archive, '--replace'], childEnv(target.config))
    expect(done.output).toContain('restore committed: ')
    expect(done.code).toBe(0)
    const after = await digestOf(target.config)
    // the geodata reload after the commit bumps the layer versions; every other table is the archive's
    const { data_versions: _v, ...rest } = after.digest.tables
    const { data_versions: _s, ...expected } = sourceDigest.tables
    expect(rest).toEqual(expected)
    // the reload's INSERT … ON CONFLICT into routes draws change numbers for rows it then leaves as
    // they are: the exchange's change sequence moves on (a gap its cursor allows), no other one does
    const { exchange_change_seq: changeAfter, ...sequences } = after.digest.sequences
    const { exchange_change_seq: changeBefore, ...expectedSequences } = sourceDigest.sequences
    expect(sequences).toEqual(expectedSequences)
    expect(BigInt(changeAfter ?? 0)).toBeGreaterThanOrEqual(BigInt(changeBefore ?? 0))
    expect(after.digest.tables.incidents.rows).toBe(INCIDENTS)
  }, 180_000)

  // the move to a server; migrate-to's target side is the restore transaction tested above on PGlite
  it.runIf(driver === 'pg')('migrate-to killed mid-copy leaves the target empty; run again, it holds every row and says what to set', async () => {
    const target = await emptyTarget(driver, dir)
    drops.push(target.drop)
    const killed = await run('scripts/migrate-to.ts', [target.arg, '--all'], childEnv(source.config), /\w+ +[\d,]+ rows .* equal/)
    expect(killed.killed).toBe(true)
    expect((await digestOf(target.config)).migrations).toEqual([])

    const done = await run('scripts/migrate-to.ts', [target.arg, '--all'], childEnv(source.config))
    expect(done.code).toBe(0)
    expect(done.output).toContain('copied and verified: ')
    expect(done.output).toContain(driver === 'pg' ? `DATABASE_URL=${target.arg}` : `DATA_DIR=${target.config.dataDir}`)
    const after = await digestOf(target.config)
    const { data_versions: _v, ...rest } = after.digest.tables
    const { data_versions: _s, ...expected } = sourceDigest.tables
    expect(rest).toEqual(expected)
    expect(after.digest.tables.incidents.rows).toBe(INCIDENTS)
  }, 240_000)
})
