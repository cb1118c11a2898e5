// npm run backup -- FILE [--shared]
// Writes one archive of the configured database (DATABASE_URL, or the embedded DATA_DIR) to FILE:
// every table the migrations made except the geodata rebuilt at start, in one snapshot. The
// embedded database must not be open in the running service (it says so); back a running
// embedded service up through GET /api/admin/backup instead. --shared keeps only what any
// member agency may read (public and regional rows; no users, tokens or audit log).
import { parseArgs } from 'node:util'
import { loadConfig } from '../server/config.ts'
import { DataDirBusyError } from '../server/db/pglite.ts'
import { openDb } from '../server/db/open.ts'
import { backupToFile } from '../server/ops/archive-file.ts'

function fail(message: string, code = 2): never {
  console.error(`backup: ${message}`)
  process.exit(code)
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { shared: { type: 'boolean', default: false } } })
  if (positionals.length !== 1) fail('give exactly one FILE to write (npm run backup -- sahel-2026-12-05.tar)')
  const config = loadConfig()
  let db
  try {
    db = await openDb(config)
  } catch (err) {
    if (err instanceof DataDirBusyError) fail(err.message, 1)
    throw err
  }
  const t0 = performance.now()
  try {
    const { manifest, sizeBytes } = await backupToFile(db, positionals[0], {
      scope: values.shared ? 'shared' : 'all',
      onTable: (t) => console.log(`${t.name.padEnd(24)} ${t.rows.toLocaleString('en').padStart(12)} rows  sha256 ${t.sha256.slice(0, 16)}…`),
    })
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0)
    console.log(`backup written: ${positionals[0]} (${(sizeBytes / 1e6).toFixed(1)} MB, ${manifest.tables.length} tables, ${rows.toLocaleString('en')} rows, schema at ${manifest.migrations.at(-1)}, ${((performance.now() - t0) / 1000).toFixed(1)} s)`)
  } finally {
    await db.close()
  }
}

main().catch((err) => fail((err as Error).message, 1))
