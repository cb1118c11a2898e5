// npm run restore (and the target side of migrate-to): one transaction that rebuilds the
// archive's schema with its own migrations, loads every table, sets the sequences, checks each
// table's content hash against the manifest, then applies the migrations the archive predates.
// A failure or a kill -9 anywhere leaves the target as it was.
import { createHash } from 'node:crypto'
import { applyMigrations, lockMigrations, migrationFiles, MIGRATIONS_DIR } from '../db/migrate.ts'
import type { Db, Tx } from '../db/types.ts'
import { appliedMigrations, type CatalogueColumn, type CatalogueTable, copyTableIn, copyTableOut, dropForeignKeys, dropSchema, dropSecondaryIndexes, listSequences, listTables, refreshMaterializedViews, runSaved, setSequence, setUserTriggers, truncateTables, useCanonicalOutput } from '../repos/ops.ts'
import type { Archive } from './archive-reader.ts'
import { archivedTables } from './backup.ts'
import { loadOrder, newerSchemaMessage, type TableManifest, unknownMigrations } from './manifest.ts'

/** COPY text sent per COPY statement while loading. */
const LOAD_CHUNK_BYTES = 8 * 1024 * 1024

/** Thrown for an archive or a target restore will not touch; the message says why and what to do. */
export class RestoreRefused extends Error {}

export interface RestoreOptions {
  /** drop what the target holds first (otherwise a target with the schema is refused) */
  replace?: boolean
  migrationsDir?: string
  /** called after each table is loaded and checked */
  onTable?: (table: TableManifest) => void
}

export interface RestoreResult {
  tables: TableManifest[]
  /** migrations applied after loading: the archive came from an older schema */
  migratedForward: string[]
  /** the target held the schema and --replace dropped it */
  replaced: boolean
}

/** Refuses an archive whose schema this version does not know. */
export function checkArchiveSchema(archive: Archive, migrationsDir: string = MIGRATIONS_DIR): void {
  const unknown = unknownMigrations(archive.manifest, migrationFiles(migrationsDir))
  if (unknown.length > 0) throw new RestoreRefused(newerSchemaMessage(unknown))
}

/** Restores archive into db in one transaction (see the file comment). */
export async function restoreArchive(db: Db, archive: Archive, options: RestoreOptions = {}): Promise<RestoreResult> {
  const dir = options.migrationsDir ?? MIGRATIONS_DIR
  checkArchiveSchema(archive, dir)
  const { manifest } = archive
  return db.transaction(async (tx) => {
    await lockMigrations(tx)
    const present = await appliedMigrations(tx)
    if (present.length > 0 && !options.replace) {
      throw new RestoreRefused(`the target database is not empty: it holds the Sahel Routes schema (${present.length} migrations applied, last ${present.at(-1)}); restore into a new database or DATA_DIR, or pass --replace to drop everything it holds first`)
    }
    if (present.length > 0) await dropSchema(tx)
    await applyMigrations(tx, manifest.migrations, dir)
    await useCanonicalOutput(tx)
    const catalogue = new Map((await listTables(tx)).map((t) => [t.name, t]))
    const targets = new Map(manifest.tables.map((t) => [t.name, matchTable(catalogue.get(t.name), t)]))
    if (manifest.scope === 'all') {
      const missing = archivedTables([...catalogue.values()], 'all').filter((t) => !targets.has(t.name))
      if (missing.length > 0) throw new RestoreRefused(`corrupted archive: its schema has table ${missing.map((t) => t.name).join(', ')}, which the archive does not hold`)
    }
    const tables = [...targets.values()].map((t) => t.table)
    await setUserTriggers(tx, tables, false)
    await truncateTables(tx, tables)
    const foreignKeys = await dropForeignKeys(tx)
    for (const t of loadOrder(manifest.tables)) {
      const { table, columns } = targets.get(t.name)!
      const indexes = await dropSecondaryIndexes(tx, table)
      const loaded = await loadTable(tx, table, columns, archive.tableChunks(t.entry))
      await runSaved(tx, indexes)
      if (loaded.rows !== t.rows || loaded.sha256 !== t.sha256) {
        throw new Error(`corrupted archive: table ${t.name} holds ${loaded.rows} rows with SHA-256 ${loaded.sha256}, the manifest says ${t.rows} rows with ${t.sha256}`)
      }
    }
    await setUserTriggers(tx, tables, true)
    // every reference checked at once; a dangling one (a shared copy whose incident's import is national) fails here
    await runSaved(tx, foreignKeys)
    const sequences = new Map((await listSequences(tx)).map((s) => [s.name, s]))
    for (const s of manifest.sequences) {
      const target = sequences.get(s.name)
      if (!target) throw new Error(`the archive's schema should have sequence ${s.name}, but its migrations did not make it`)
      await setSequence(tx, target.quoted, s.lastValue, s.startValue)
    }
    // read back what went in, as a backup would: the same content hash or nothing is committed
    for (const t of manifest.tables) {
      const { table, columns } = targets.get(t.name)!
      const back = await tableDigest(tx, table, columns)
      if (back.rows !== t.rows || back.sha256 !== t.sha256) {
        throw new Error(`table ${t.name} reads back as ${back.rows} rows with SHA-256 ${back.sha256}, not the archive's ${t.rows} rows with ${t.sha256}`)
      }
      options.onTable?.(t)
    }
    await refreshMaterializedViews(tx)
    const migratedForward = await applyMigrations(tx, migrationFiles(dir), dir)
    return { tables: manifest.tables, migratedForward, replaced: present.length > 0 }
  })
}

/** The target table and its columns in the archive's order; refuses a column the schema lacks. */
function matchTable(table: CatalogueTable | undefined, t: TableManifest): { table: CatalogueTable; columns: CatalogueColumn[] } {
  if (!table) throw new RestoreRefused(`the archive holds table ${t.name}, which its own migrations do not make: the archive is corrupted or was edited`)
  const byName = new Map(table.columns.map((c) => [c.name, c]))
  const columns = t.columns.map((c) => {
    const col = byName.get(c.name)
    if (!col) throw new RestoreRefused(`the archive's table ${t.name} has column ${c.name}, which its schema lacks: the archive is corrupted or was edited`)
    return col
  })
  return { table, columns }
}

/** Streams COPY text into table in whole-line chunks; returns its row count and SHA-256. */
async function loadTable(tx: Tx, table: CatalogueTable, columns: CatalogueColumn[], chunks: AsyncIterable<Buffer>): Promise<{ rows: number; sha256: string }> {
  const hash = createHash('sha256')
  let rows = 0
  let pending: Buffer[] = []
  let pendingBytes = 0
  const flush = async (all: boolean) => {
    const buf = Buffer.concat(pending)
    const cut = all ? buf.length : buf.lastIndexOf(10) + 1
    if (cut > 0) await copyTableIn(tx, table, columns, buf.subarray(0, cut).toString('utf8'))
    pending = cut < buf.length ? [buf.subarray(cut)] : []
    pendingBytes = buf.length - cut
  }
  for await (const chunk of chunks) {
    hash.update(chunk)
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++
    pending.push(chunk)
    pendingBytes += chunk.length
    if (pendingBytes >= LOAD_CHUNK_BYTES) await flush(false)
  }
  if (pendingBytes > 0) await flush(true)
  return { rows, sha256: hash.digest('hex') }
}

/** A table's row count and the SHA-256 of its canonical COPY text: its content hash. */
export async function tableDigest(tx: Tx, table: CatalogueTable, columns: CatalogueColumn[] = table.columns): Promise<{ rows: number; sha256: string }> {
  const hash = createHash('sha256')
  let rows = 0
  for await (const chunk of copyTableOut(tx, table, columns)) {
    hash.update(chunk)
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++
  }
  return { rows, sha256: hash.digest('hex') }
}
