// Bench section: npm run backup / npm run restore of a server database with 1,000,000 incidents
// against pg_dump -Fc / pg_restore
// --single-transaction of the same database, same tables' data (the geodata layers, rebuilt at
// start, left out of both). Server driver only: pg_dump is PostgreSQL's tool.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { openPgDb } from '../../server/db/pg.ts'
import { mulberry32 } from '../../server/geo/prng.ts'
import { syntheticIncidents } from '../../server/geo/synthetic.ts'
import { backupToFile } from '../../server/ops/archive-file.ts'
import { openArchive } from '../../server/ops/archive-reader.ts'
import { UNARCHIVED_TABLES } from '../../server/ops/backup.ts'
import { restoreArchive } from '../../server/ops/restore.ts'
import { startApp } from '../../server/start.ts'
import { databaseUrl, row } from './common.ts'
import { catalogueRoutes, loadMillion } from './incident-data.ts'

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: databaseUrl! })
  await c.connect()
  await c.query(sql).finally(() => c.end())
}

function urlOf(db: string): string {
  const u = new URL(databaseUrl!)
  u.pathname = `/${db}`
  return u.toString()
}

const seconds = (t0: number) => (performance.now() - t0) / 1000

export async function backupVsPgDump(): Promise<void> {
  console.log('\n# 14. backup and restore of 1,000,000 incidents (server driver) vs pg_dump -Fc / pg_restore --single-transaction')
  if (!databaseUrl) {
    console.log('skipped: DATABASE_URL not set (pg_dump compares on the server driver only)')
    return
  }
  // named after DATABASE_URL's database, so runs by different people on one server do not collide
  const base = `${new URL(databaseUrl).pathname.slice(1) || 'sahel_routes'}_bench_backup`
  const names = { source: base, ours: `${base}_r1`, theirs: `${base}_r2` }
  for (const n of Object.values(names)) await admin(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`)
  for (const n of Object.values(names)) await admin(`CREATE DATABASE ${n}`)
  const dir = mkdtempSync(join(tmpdir(), 'bench-backup-'))
  try {
    const app = await startApp({ dataDir: '', databaseUrl: urlOf(names.source) })
    try {
      await loadMillion(app.serviceDb, syntheticIncidents(catalogueRoutes(), mulberry32(13), { count: 50_000 }))
      const [{ v }] = await app.serviceDb.query<{ v: string }>("SELECT current_setting('server_version') AS v")
      const tool = execFileSync('pg_dump', ['--version']).toString().trim()
      console.log(`server ${v}; ${tool}`)
      if (!tool.includes(` ${v.split(' ')[0].split('.')[0]}.`)) console.log('warning: pg_dump and the server differ in major version')
    } finally {
      await app.close()
    }

    const source = await openPgDb(urlOf(names.source), { max: 2 })
    const ours = join(dir, 'ours.tar')
    let t0 = performance.now()
    const { manifest, sizeBytes } = await backupToFile(source, ours)
    const ourBackupS = seconds(t0)
    await source.close()
    const theirs = join(dir, 'theirs.dump')
    t0 = performance.now()
    execFileSync('pg_dump', ['-Fc', '-f', theirs, ...UNARCHIVED_TABLES.flatMap((t) => ['--exclude-table-data', t]), '--dbname', urlOf(names.source)])
    const dumpS = seconds(t0)
    const incidents = manifest.tables.find((t) => t.name === 'incidents')!.rows
    row(`backup, ${incidents.toLocaleString('en')} incidents: npm run backup`, `${ourBackupS.toFixed(1)} s`, ourBackupS / dumpS, `pg_dump -Fc (${dumpS.toFixed(1)} s)`)
    row('archive size: npm run backup', `${(sizeBytes / 1e6).toFixed(0)} MB`, sizeBytes / statSync(theirs).size, `pg_dump -Fc (${(statSync(theirs).size / 1e6).toFixed(0)} MB)`)

    const target = await openPgDb(urlOf(names.ours), { max: 2 })
    t0 = performance.now()
    await restoreArchive(target, await openArchive(ours))
    const ourRestoreS = seconds(t0)
    await target.close()
    t0 = performance.now()
    execFileSync('pg_restore', ['--single-transaction', '--no-owner', '--dbname', urlOf(names.theirs), theirs])
    const restoreS = seconds(t0)
    row('restore (one transaction, content hashes checked): npm run restore', `${ourRestoreS.toFixed(1)} s`, ourRestoreS / restoreS, `pg_restore --single-transaction (${restoreS.toFixed(1)} s)`)
  } finally {
    for (const n of Object.values(names)) await admin(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`)
    rmSync(dir, { recursive: true, force: true })
  }
}
