// npm run migrate-to -- postgres://USER@HOST/DB [--shared]
// npm run migrate-to -- embedded:DIR [--all]
// Copies the configured database (the embedded DATA_DIR, or DATABASE_URL) into an empty target:
// a PostgreSQL + PostGIS database (migrations applied there first), or a new embedded folder.
// The copy goes through a backup archive in a temporary folder and the target's restore
// transaction, which checks each table's row count and SHA-256 before it commits: a failure or a
// kill -9 leaves the target empty. Then prints what to set to switch. Towards an embedded folder
// (a laptop copy of a server) it copies by default only what every member agency may read:
// public and regional rows, no users, tokens or audit log; --all copies everything.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../server/config.ts'
import { DataDirBusyError, openPgliteDb } from '../server/db/pglite.ts'
import { openDb } from '../server/db/open.ts'
import { openPgDb } from '../server/db/pg.ts'
import type { Db } from '../server/db/types.ts'
import { loadGeodata } from '../server/load-geodata.ts'
import { openArchive } from '../server/ops/archive-reader.ts'
import { backupToFile } from '../server/ops/archive-file.ts'
import { restoreArchive } from '../server/ops/restore.ts'

function fail(message: string, code = 1): never {
  console.error(`migrate-to: ${message}`)
  process.exit(code)
}

/** The URL with its password hidden, for printing. */
function redact(url: string): string {
  const u = new URL(url)
  if (u.password) u.password = '***'
  return u.toString()
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { all: { type: 'boolean', default: false }, shared: { type: 'boolean', default: false } } })
  const usage = 'give one target: postgres://USER@HOST:PORT/DB (an empty PostgreSQL + PostGIS database) or embedded:DIR (a new embedded folder)'
  if (positionals.length !== 1) fail(usage, 2)
  if (values.all && values.shared) fail('--all and --shared exclude each other', 2)
  const target = positionals[0]
  const toServer = /^postgres(ql)?:\/\//.test(target)
  if (!toServer && !target.startsWith('embedded:')) fail(`${usage}; got "${target}"`, 2)
  const scope = values.shared || (!toServer && !values.all) ? 'shared' : 'all'
  const config = loadConfig()
  if (toServer && config.databaseUrl === target) fail('the target is the configured database itself', 2)
  const targetDir = toServer ? '' : resolve(target.slice('embedded:'.length))
  if (!toServer && targetDir === resolve(config.dataDir) && !config.databaseUrl) fail('the target is the configured DATA_DIR itself', 2)

  let source: Db
  try {
    source = await openDb(config)
  } catch (err) {
    if (err instanceof DataDirBusyError) fail(err.message)
    throw err
  }
  const work = mkdtempSync(join(tmpdir(), 'sahel-migrate-to-'))
  const t0 = performance.now()
  let dest: Db | undefined
  try {
    const archivePath = join(work, 'copy.tar')
    const { manifest } = await backupToFile(source, archivePath, { scope, gzipLevel: 1 })
    console.log(`read ${manifest.tables.length} tables from the ${source.driver === 'pg' ? 'PostgreSQL' : 'embedded'} database${scope === 'shared' ? ' (public and regional data only)' : ''}`)
    await source.close()
    dest = toServer ? await openPgDb(target, { max: 2 }) : await openPgliteDb(targetDir)
    const result = await restoreArchive(dest, await openArchive(archivePath), {
      onTable: (t) => console.log(`${t.name.padEnd(24)} ${t.rows.toLocaleString('en').padStart(12)} rows  sha256 ${t.sha256.slice(0, 16)}…  equal`),
    })
    console.log(`copied and verified: ${result.tables.length} tables, row counts and SHA-256 equal (${((performance.now() - t0) / 1000).toFixed(1)} s)`)
    const layers = await loadGeodata(dest)
    console.log(`geodata loaded: ${layers.join(', ') || 'already current'}`)
    console.log('')
    console.log('To switch, stop the service, then start it with:')
    console.log(toServer ? `  DATABASE_URL=${redact(target)}   (DATA_DIR is then ignored)` : `  DATA_DIR=${targetDir}   (and no DATABASE_URL)`)
  } finally {
    await dest?.close().catch(() => {})
    await source.close().catch(() => {})
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((err) => fail((err as Error).message))
