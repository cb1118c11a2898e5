// npm run backup (and GET /api/admin/backup): every table the migrations made, minus the geodata
// rebuilt at start, as gzipped COPY text in one tar with a manifest and a whole-archive SHA-256,
// all read in one snapshot so the archive is consistent while the service writes.
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { createGzip } from 'node:zlib'
import type { Db } from '../db/types.ts'
import { GEODATA_LAYERS } from '../repos/geodata.ts'
import { appliedMigrations, type CatalogueTable, copyTableOut, enterBackupSnapshot, enterSharedScope, listSequences, stageSharedRows, listTables, seesEverything } from '../repos/ops.ts'
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, type ArchiveScope, CHECKSUM_ENTRY, type Manifest, MANIFEST_ENTRY, type TableManifest } from './manifest.ts'
import { TAR_END, tarHeader, tarPadding } from './tar.ts'

/**
 * Tables never archived. The geodata layers server/load-geodata.ts replaces whole from geodata/
 * at every start, and geodata_state, its record of what is loaded (restored without the layers it
 * would claim they are there). routes is kept: analysts edit it and route_versions holds its
 * history. schema_migrations travels as the manifest's migrations list.
 */
export const UNARCHIVED_TABLES: readonly string[] = [...GEODATA_LAYERS.filter((l) => l !== 'routes'), 'geodata_state', 'schema_migrations']

/** Where archive bytes go, in order; the writer hashes everything it is given. */
export type ArchiveSink = (bytes: Uint8Array) => Promise<void>

export interface BackupOptions {
  scope?: ArchiveScope
  /** gzip level, 1 (fast) to 9 (small) */
  gzipLevel?: number
  /** called after each table with its manifest entry */
  onTable?: (table: TableManifest) => void
  /** the clock, for the manifest's createdAt and the tar mtimes */
  now?: () => Date
}

/** The tables an archive of scope holds, from the catalogue. */
export function archivedTables(tables: CatalogueTable[], scope: ArchiveScope): CatalogueTable[] {
  return tables.filter((t) => !UNARCHIVED_TABLES.includes(t.name) && (scope === 'all' || t.requestReadable))
}

/** Writes one archive of db to sink; returns its manifest. */
export async function writeArchive(db: Db, sink: ArchiveSink, options: BackupOptions = {}): Promise<Manifest> {
  const scope = options.scope ?? 'all'
  const now = (options.now ?? (() => new Date()))()
  const mtimeS = now.getTime() / 1000
  const whole = createHash('sha256')
  const put = async (bytes: Uint8Array) => {
    whole.update(bytes)
    await sink(bytes)
  }
  const putEntry = async (name: string, parts: Uint8Array[]) => {
    const size = parts.reduce((n, p) => n + p.length, 0)
    await put(tarHeader(name, size, mtimeS))
    for (const p of parts) await put(p)
    await put(tarPadding(size))
  }
  // PGlite stages shared rows in temporary tables (see stageSharedRows): not a read-only transaction
  const stage = scope === 'shared' && db.driver === 'pglite'
  const manifest = await db.transaction(async (tx) => {
    await enterBackupSnapshot(tx, !stage)
    const migrations = await appliedMigrations(tx)
    if (migrations.length === 0) throw new Error('nothing to back up: the database has no Sahel Routes schema (no migrations applied)')
    if (scope === 'all') {
      const { seesAll, role } = await seesEverything(tx)
      if (!seesAll) throw new Error(`role ${role} does not see every row (row-level security): back up as the role the service connects as, which owns the tables, or a superuser`)
    }
    const tables = archivedTables(await listTables(tx), scope)
    const sequences = await listSequences(tx)
    if (scope === 'shared' && !stage) await enterSharedScope(tx)
    const entries: TableManifest[] = []
    for (const table of tables) {
      const entry = `tables/${table.name}.copy.gz`
      const { parts, rows, sha256 } = await gzipTable(copyTableOut(tx, stage ? await stageSharedRows(tx, table) : table, table.columns), options.gzipLevel ?? 3)
      await putEntry(entry, parts)
      const t: TableManifest = { name: table.name, entry, columns: table.columns.map((c) => ({ name: c.name, type: c.type })), rows, sha256, refs: table.refs }
      entries.push(t)
      options.onTable?.(t)
    }
    const m: Manifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      createdAt: now.toISOString(),
      driver: db.driver,
      scope,
      migrations,
      tables: entries,
      sequences: sequences.map((s) => ({ name: s.name, lastValue: s.lastValue, startValue: s.startValue })),
    }
    return m
  })
  await putEntry(MANIFEST_ENTRY, [new TextEncoder().encode(JSON.stringify(manifest, null, 1) + '\n')])
  const checksum = new TextEncoder().encode(`${whole.digest('hex')}\n`)
  await sink(tarHeader(CHECKSUM_ENTRY, checksum.length, mtimeS))
  await sink(checksum)
  await sink(tarPadding(checksum.length))
  await sink(TAR_END)
  return manifest
}

/** Compresses a table's COPY text, counting its rows and hashing it uncompressed. */
async function gzipTable(chunks: AsyncIterable<Uint8Array>, level: number): Promise<{ parts: Buffer[]; rows: number; sha256: string }> {
  const hash = createHash('sha256')
  const gz = createGzip({ level })
  const parts: Buffer[] = []
  gz.on('data', (b: Buffer) => parts.push(b))
  const ended = once(gz, 'end')
  let rows = 0
  for await (const chunk of chunks) {
    hash.update(chunk)
    rows += countNewlines(chunk)
    if (!gz.write(chunk)) await once(gz, 'drain')
  }
  gz.end()
  await ended
  return { parts, rows, sha256: hash.digest('hex') }
}

/** Rows in COPY text: one newline each (newlines inside values are escaped as \n). */
export function countNewlines(bytes: Uint8Array): number {
  let n = 0
  let i = bytes.indexOf(10)
  while (i !== -1) {
    n++
    i = bytes.indexOf(10, i + 1)
  }
  return n
}
