// npm run restore -- FILE [--replace]
// Restores an archive of npm run backup into the configured database (DATABASE_URL, or the
// embedded DATA_DIR) in one transaction: an archive of an older schema is migrated forward, one
// of a newer schema or a corrupted one is refused, and a database that already holds the schema
// is refused unless --replace. Then reloads the geodata (not archived: rebuilt from geodata/).
import { parseArgs } from 'node:util'
import { loadConfig } from '../server/config.ts'
import { DataDirBusyError } from '../server/db/pglite.ts'
import { openDb } from '../server/db/open.ts'
import { loadGeodata } from '../server/load-geodata.ts'
import { openArchive } from '../server/ops/archive-reader.ts'
import { checkArchiveSchema, restoreArchive } from '../server/ops/restore.ts'

function fail(message: string, code = 1): never {
  console.error(`restore: ${message}`)
  process.exit(code)
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { replace: { type: 'boolean', default: false } } })
  if (positionals.length !== 1) fail('give exactly one FILE to restore (npm run restore -- sahel-2026-12-05.tar [--replace])', 2)
  const config = loadConfig()
  let archive
  try {
    archive = await openArchive(positionals[0])
    checkArchiveSchema(archive)
  } catch (err) {
    fail((err as Error).message)
  }
  let db
  try {
    db = await openDb(config)
  } catch (err) {
    if (err instanceof DataDirBusyError) fail(err.message)
    throw err
  }
  const t0 = performance.now()
  try {
    const result = await restoreArchive(db, archive, {
      replace: values.replace,
      onTable: (t) => console.log(`restored ${t.name.padEnd(24)} ${t.rows.toLocaleString('en').padStart(12)} rows  sha256 ${t.sha256.slice(0, 16)}… verified`),
    })
    if (result.migratedForward.length > 0) console.log(`migrated forward from ${archive.manifest.migrations.at(-1)}: ${result.migratedForward.join(', ')}`)
    console.log(`restore committed: ${result.tables.length} tables from ${positionals[0]}${result.replaced ? ' (the previous contents were replaced)' : ''}, ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    const layers = await loadGeodata(db)
    console.log(`geodata loaded: ${layers.join(', ') || 'already current'}`)
  } finally {
    await db.close()
  }
}

main().catch((err) => fail((err as Error).message))
