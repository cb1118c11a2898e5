// Backup and restore on each driver, and embedded → PostgreSQL → embedded: every table compared by
// its content hash (row count + SHA-256 of its canonical COPY text) and every sequence's value;
// corrupted archives, archives of a newer schema and non-empty targets refused with a clear message.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyMigrations, migrationFiles } from '../server/db/migrate.ts'
import { openPgDb } from '../server/db/pg.ts'
import { openPgliteDb } from '../server/db/pglite.ts'
import type { Db } from '../server/db/types.ts'
import { backupToFile } from '../server/ops/archive-file.ts'
import { openArchive } from '../server/ops/archive-reader.ts'
import { databaseDigest } from '../server/ops/digest.ts'
import { CHECKSUM_ENTRY, MANIFEST_ENTRY } from '../server/ops/manifest.ts'
import { restoreArchive } from '../server/ops/restore.ts'
import { BLOCK_BYTES, nextHeaderOffset, parseTarHeader, TAR_END, tarHeader, tarPadding } from '../server/ops/tar.ts'
import { dropSchema } from '../server/repos/ops.ts'
import { insertAgency, insertUser } from '../server/repos/auth.ts'
import { build, type TestApp } from './helpers/build.ts'
import { adminQuery, copyTemplate, type DriverName, testDrivers, withDatabase } from './helpers/databases.ts'
import { insertGeneratedIncidents } from './helpers/generated-incidents.ts'
import { createHash } from 'node:crypto'

const INCIDENTS = 300
const NATIONAL = ['g1', 'g2', 'g3']
const TRICKY_ATTRS = { note: 'line one\nline two\ttab \\ backslash, accents é, Arabic عربي, quote "' }

/** A brand-new, empty database of a driver (no schema, no PostGIS yet), and how to drop it. */
async function freshDatabase(driver: DriverName): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (driver === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'sahel-restore-'))
    const db = await openPgliteDb(dir)
    return { db, drop: async () => { await db.close().catch(() => {}); rmSync(dir, { recursive: true, force: true }) } }
  }
  const admin = process.env.DATABASE_URL!
  const name = `${new URL(admin).pathname.slice(1)}_restore_${process.pid}_${Math.floor(Math.random() * 1e6)}`
  await adminQuery(admin, `CREATE DATABASE ${name}`)
  const db = await openPgDb(withDatabase(admin, name), { max: 2 })
  return { db, drop: async () => { await db.close().catch(() => {}); await adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) } }
}

/** Fills a source app with what a backup must carry: incidents of two sharing levels, an edited route with its history, a view, an agency and a user. */
async function seed(t: TestApp): Promise<void> {
  const db = t.app.serviceDb
  await insertGeneratedIncidents(db, INCIDENTS, 'backup-test')
  await db.query(`UPDATE incidents SET sharing = 'national', owner_state = 'NER' WHERE source_id = ANY ($1)`, [NATIONAL])
  await db.query('UPDATE incidents SET attrs = $1 WHERE source_id = $2', [JSON.stringify(TRICKY_ATTRS), 'g5'])
  const route = { name: 'Backup test track', family: 'central', kind: 'migration', threats: ['migration_trafficking'], direction: 'forward', confidence: 'low', geometry: { type: 'LineString', coordinates: [[7.99, 16.97], [12.92, 18.96]] }, sources: [{ publisher: 'Field report', title: 'Test', year: 2025 }] }
  expect((await t.app.inject({ method: 'POST', url: '/api/routes', payload: { ...route, id: 'backup-test-route' } })).statusCode).toBe(201)
  expect((await t.app.inject({ method: 'PUT', url: '/api/routes/backup-test-route', payload: { ...route, geometry: { type: 'LineString', coordinates: [[7.99, 16.97], [10.5, 18.1], [12.92, 18.96]] } } })).statusCode).toBe(200)
  expect((await t.app.inject({ method: 'POST', url: '/api/views', payload: { bbox: '0,10,20,25', layers: 'routes,incidents' } })).statusCode).toBe(201)
  const agency = await insertAgency(db, 'Garde nationale du Niger', 'NER')
  await insertUser(db, { agencyId: agency.id, username: 'backup.admin', role: 'admin', passwordHash: null, expiresAt: null })
}

/** Rewrites an archive's manifest (and its whole-archive checksum, so only the manifest differs). */
function rewriteManifest(from: string, to: string, edit: (m: any) => void): void {
  const bytes = readFileSync(from)
  const parts: Uint8Array[] = []
  for (let offset = 0; offset < bytes.length; ) {
    const entry = parseTarHeader(bytes.subarray(offset, offset + BLOCK_BYTES), offset)
    if (!entry || entry.name === CHECKSUM_ENTRY) break
    let data: Uint8Array = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.sizeBytes)
    if (entry.name === MANIFEST_ENTRY) {
      const m = JSON.parse(Buffer.from(data).toString('utf8'))
      edit(m)
      data = Buffer.from(JSON.stringify(m))
    }
    parts.push(tarHeader(entry.name, data.length, 0), data, tarPadding(data.length))
    offset = nextHeaderOffset(entry)
  }
  const body = Buffer.concat(parts)
  const sum = Buffer.from(`${createHash('sha256').update(body).digest('hex')}\n`)
  writeFileSync(to, Buffer.concat([body, tarHeader(CHECKSUM_ENTRY, sum.length, 0), sum, tarPadding(sum.length), TAR_END]))
}

async function oneValue<T>(db: Db, sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await db.query<{ v: T }>(sql, params)
  return row.v
}

describe.each(testDrivers())('backup and restore on %s', (driver) => {
  let source: TestApp
  let target: { db: Db; drop: () => Promise<void> }
  let dir: string
  let archive: string

  beforeAll(async () => {
    source = await build(driver, { demoData: false })
    await seed(source)
    dir = mkdtempSync(join(tmpdir(), 'sahel-backup-'))
    archive = join(dir, 'backup.tar')
    await backupToFile(source.app.serviceDb, archive)
    target = await freshDatabase(driver)
  })
  afterAll(async () => {
    await target?.drop()
    await source?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('restores into an empty database with the same content hash in every table and the same sequences', async () => {
    const result = await restoreArchive(target.db, await openArchive(archive))
    expect(result.migratedForward).toEqual([])
    const [before, after] = [await databaseDigest(source.app.serviceDb), await databaseDigest(target.db)]
    expect(after).toEqual(before)
    expect(Object.keys(after.tables)).toEqual(expect.arrayContaining(['incidents', 'imports', 'routes', 'route_versions', 'views', 'users', 'agencies', 'audit_log', 'api_tokens']))
    expect(Object.keys(after.tables)).not.toContain('countries')
    expect(after.tables.incidents.rows).toBe(INCIDENTS)
    expect(after.sequences.incidents_id_seq).toBe(String(INCIDENTS))
    // checked outside COPY too: the edited route's geometry to the byte, its history, the escaped text
    const geom = "SELECT encode(ST_AsEWKB(geom), 'hex') AS v FROM routes WHERE id = 'backup-test-route'"
    expect(await oneValue(target.db, geom)).toBe(await oneValue(source.app.serviceDb, geom))
    expect(await oneValue(target.db, "SELECT count(*)::int AS v FROM route_versions WHERE route_id = 'backup-test-route'")).toBe(2)
    expect(await oneValue(target.db, "SELECT attrs AS v FROM incidents WHERE source_id = 'g5'")).toEqual(TRICKY_ATTRS)
    // a new row takes the next id, not one already used
    expect(await oneValue(target.db, "INSERT INTO views (id, params) VALUES ('nextid1', '{}') RETURNING 1 AS v")).toBe(1)
    expect(await oneValue(target.db, "SELECT nextval('incidents_id_seq')::int AS v")).toBe(INCIDENTS + 1)
  }, 120_000)

  it('refuses a target that already holds the schema, naming --replace, and changes nothing', async () => {
    const before = await databaseDigest(target.db)
    await expect(restoreArchive(target.db, await openArchive(archive))).rejects.toThrow(/the target database is not empty: it holds the Sahel Routes schema \(\d+ migrations applied.*--replace/)
    expect(await databaseDigest(target.db)).toEqual(before)
  })

  it('with replace, drops what the target holds and restores the archive exactly', async () => {
    await target.db.query("DELETE FROM incidents WHERE source_id = 'g7'")
    const result = await restoreArchive(target.db, await openArchive(archive), { replace: true })
    expect(result.replaced).toBe(true)
    expect(await databaseDigest(target.db)).toEqual(await databaseDigest(source.app.serviceDb))
  }, 60_000)

  it('restores an archive of an older schema, then migrates it forward', async () => {
    const all = migrationFiles()
    const old = all.slice(0, all.indexOf('006_views.sql') + 1)
    await target.db.transaction(async (tx) => {
      await dropSchema(tx)
      await applyMigrations(tx, old)
      await tx.query(`INSERT INTO patrol_plans (name, request, result) VALUES ('old plan', '{"k": 3}', '{"sites": []}')`)
      await tx.query(`INSERT INTO views (id, params) VALUES ('oldview01', '{"layers": "routes"}')`)
    })
    const oldArchive = join(dir, 'old.tar')
    const { manifest } = await backupToFile(target.db, oldArchive)
    expect(manifest.migrations).toEqual(old)
    const result = await restoreArchive(target.db, await openArchive(oldArchive), { replace: true })
    expect(result.migratedForward).toEqual(all.slice(old.length))
    // the 007 columns took their defaults: the secretariat's plan, shared regionally
    expect(await target.db.query("SELECT name, owner_agency::int AS owner_agency, sharing FROM patrol_plans")).toEqual([{ name: 'old plan', owner_agency: 1, sharing: 'regional' }])
    expect(await oneValue(target.db, "SELECT params->>'layers' AS v FROM views WHERE id = 'oldview01'")).toBe('routes')
  }, 60_000)

  it('refuses an archive with a flipped byte or cut short, before touching the target', async () => {
    const bytes = readFileSync(archive)
    const flipped = Buffer.from(bytes)
    flipped[Math.floor(bytes.length / 2)] ^= 0x40
    writeFileSync(join(dir, 'flipped.tar'), flipped)
    await expect(openArchive(join(dir, 'flipped.tar'))).rejects.toThrow(/corrupted archive .*flipped\.tar/)
    writeFileSync(join(dir, 'short.tar'), bytes.subarray(0, Math.floor(bytes.length * 0.7)))
    await expect(openArchive(join(dir, 'short.tar'))).rejects.toThrow(/(truncated|incomplete) archive/)
  })

  it('refuses an archive of a newer schema, naming the migration it does not know, and changes nothing', async () => {
    const newer = join(dir, 'newer.tar')
    rewriteManifest(archive, newer, (m) => m.migrations.push('999_from_the_future.sql'))
    const before = await databaseDigest(target.db)
    await expect(restoreArchive(target.db, await openArchive(newer), { replace: true })).rejects.toThrow(
      'the archive comes from a newer schema: it was made after migration 999_from_the_future.sql, which this version of Sahel Routes does not have',
    )
    expect(await databaseDigest(target.db)).toEqual(before)
  })

  it('refuses an archive whose table lost rows even with a valid whole-archive checksum', async () => {
    const lying = join(dir, 'lying.tar')
    rewriteManifest(archive, lying, (m) => (m.tables.find((t: { name: string }) => t.name === 'incidents').rows += 1))
    const before = await databaseDigest(target.db)
    await expect(restoreArchive(target.db, await openArchive(lying), { replace: true })).rejects.toThrow(/corrupted archive: table incidents holds 300 rows with SHA-256 [0-9a-f]{64}, the manifest says 301 rows/)
    expect(await databaseDigest(target.db)).toEqual(before)
  }, 60_000)

  it('a shared backup holds public and regional rows only, and no credentials or audit log', async () => {
    const { manifest } = await backupToFile(source.app.serviceDb, join(dir, 'shared.tar'), { scope: 'shared' })
    const names = manifest.tables.map((t) => t.name)
    expect(names).toEqual(expect.arrayContaining(['incidents', 'imports', 'routes', 'route_versions', 'views', 'agencies']))
    for (const secret of ['users', 'api_tokens', 'audit_log', 'service_secrets']) expect(names).not.toContain(secret)
    expect(manifest.tables.find((t) => t.name === 'incidents')!.rows).toBe(INCIDENTS - NATIONAL.length)
  })

  it('restores a shared backup as a laptop copy: the shared rows, no users, a fresh embed key', async () => {
    await restoreArchive(target.db, await openArchive(join(dir, 'shared.tar')), { replace: true })
    expect(await oneValue(target.db, "SELECT count(*)::int AS v FROM incidents WHERE source_dataset = 'backup-test'")).toBe(INCIDENTS - NATIONAL.length)
    expect(await oneValue(target.db, "SELECT count(*)::int AS v FROM incidents WHERE sharing = 'national'")).toBe(0)
    expect(await oneValue(target.db, 'SELECT count(*)::int AS v FROM users')).toBe(0)
    expect(await oneValue(target.db, "SELECT count(*)::int AS v FROM route_versions WHERE route_id = 'backup-test-route'")).toBe(2)
    // the laptop signs its own embeds: the key its migration made, not the server's
    const key = 'SELECT secret AS v FROM service_secrets WHERE name = $1'
    expect(await oneValue(target.db, key, ['embed'])).toMatch(/^[0-9a-f]{64}$/)
    expect(await oneValue(target.db, key, ['embed'])).not.toBe(await oneValue(source.app.serviceDb, key, ['embed']))
  }, 60_000)
})

describe.runIf(testDrivers().includes('pg'))('embedded → PostgreSQL → embedded', () => {
  it('round trip keeps every table and sequence identical', async () => {
    const source = await build('pglite', { demoData: false })
    const server = await freshDatabase('pg')
    const laptop = await copyTemplate('pglite')
    const dir = mkdtempSync(join(tmpdir(), 'sahel-roundtrip-'))
    let back: Db | undefined
    try {
      await seed(source)
      await backupToFile(source.app.serviceDb, join(dir, 'a.tar'))
      await restoreArchive(server.db, await openArchive(join(dir, 'a.tar')))
      await backupToFile(server.db, join(dir, 'b.tar'))
      back = await openPgliteDb(laptop.config.dataDir)
      await restoreArchive(back, await openArchive(join(dir, 'b.tar')), { replace: true })
      const digests = [await databaseDigest(source.app.serviceDb), await databaseDigest(server.db), await databaseDigest(back)]
      expect(digests[1]).toEqual(digests[0])
      expect(digests[2]).toEqual(digests[0])
      expect(digests[0].tables.incidents.rows).toBe(INCIDENTS)
    } finally {
      await back?.close()
      await laptop.drop()
      await server.drop()
      await source.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }, 180_000)
})
