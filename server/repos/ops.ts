// Backup, restore and moving databases (server/ops/): the catalogue of the service's own tables
// and sequences, and COPY of whole tables in and out. COPY cannot take parameters, so its table
// and column names are the quoted identifiers the catalogue query itself returns (quote_ident,
// format('%I')), never text from a user.
import { sqlFile } from '../db/sql-files.ts'
import type { Queryable, Tx } from '../db/types.ts'

export interface CatalogueColumn {
  name: string
  quoted: string
  type: string
}

export interface CatalogueTable {
  name: string
  quoted: string
  columns: CatalogueColumn[]
  orderBy: string
  refs: string[]
  rowSecurity: boolean
  requestReadable: boolean
}

export interface CatalogueSequence {
  name: string
  quoted: string
  lastValue: string | null
  startValue: string
}

/** Every table the migrations made in the service's schema (PostGIS's own left out). */
export async function listTables(db: Queryable): Promise<CatalogueTable[]> {
  const rows = await db.query<{ name: string; quoted: string; columns: CatalogueColumn[]; order_by: string; refs: string[]; row_security: boolean; request_readable: boolean }>(sqlFile('ops/tables'))
  return rows.map((r) => ({ name: r.name, quoted: r.quoted, columns: r.columns, orderBy: r.order_by, refs: r.refs, rowSecurity: r.row_security, requestReadable: r.request_readable }))
}

/** Every sequence of the service's schema with the value it last gave. */
export async function listSequences(db: Queryable): Promise<CatalogueSequence[]> {
  const rows = await db.query<{ name: string; quoted: string; last_value: string | null; start_value: string }>(sqlFile('ops/sequences'))
  return rows.map((r) => ({ name: r.name, quoted: r.quoted, lastValue: r.last_value, startValue: r.start_value }))
}

/** Sets a sequence as the archive recorded it: last given lastValue, or fresh at startValue. */
export async function setSequence(tx: Queryable, quoted: string, lastValue: string | null, startValue: string): Promise<void> {
  await tx.query(sqlFile('ops/set-sequence'), lastValue === null ? [quoted, startValue, false] : [quoted, lastValue, true])
}

/** The migrations applied to this database, in order; [] before the first. */
export async function appliedMigrations(db: Queryable): Promise<string[]> {
  const [{ present }] = await db.query<{ present: boolean }>(sqlFile('ops/schema-exists'))
  if (!present) return []
  return (await db.query<{ name: string }>(sqlFile('ops/migrations-applied'))).map((r) => r.name)
}

/** Whether the connecting role reads every row despite row-level security, and its name. */
export async function seesEverything(db: Queryable): Promise<{ seesAll: boolean; role: string }> {
  const [row] = await db.query<{ sees_all: boolean; role: string }>(sqlFile('ops/sees-everything'))
  return { seesAll: row?.sees_all ?? false, role: row?.role ?? 'unknown' }
}

/** Makes tx a (read-only) snapshot with canonical output settings; call first in the transaction. */
export async function enterBackupSnapshot(tx: Tx, readOnly = true): Promise<void> {
  if (readOnly) await tx.query(sqlFile('ops/read-only-snapshot'))
  await useCanonicalOutput(tx)
}

/** UTC, ISO dates, shortest exact floats, hex bytea for the rest of tx: COPY text equal on both drivers. */
export async function useCanonicalOutput(tx: Queryable): Promise<void> {
  await tx.query(sqlFile('ops/canonical-settings'))
}

/** Reads the rest of tx as the request role with a member of no agency's view: public and regional rows. */
export async function enterSharedScope(tx: Queryable): Promise<void> {
  await tx.query(sqlFile('access/enter-scope'), ['member', '', ''])
}

/**
 * PGlite: its COPY TO a blob needs a privilege the request role lacks, so the rows that role may
 * read are staged in a temporary table as it, then copied as the connecting role. Returns the
 * stage, to copy out in place of table.
 */
export async function stageSharedRows(tx: Tx, table: CatalogueTable): Promise<CatalogueTable> {
  await tx.exec('DROP TABLE IF EXISTS pg_temp.sahel_shared_copy')
  await enterSharedScope(tx)
  await tx.exec(`CREATE TEMP TABLE sahel_shared_copy AS SELECT ${table.columns.map((c) => c.quoted).join(', ')} FROM ${table.quoted}`)
  await tx.query(sqlFile('ops/leave-scope'))
  return { ...table, quoted: 'pg_temp.sahel_shared_copy' }
}

/** The table's rows as canonical COPY text (columns in order, ordered by primary key), chunk by chunk. */
export function copyTableOut(tx: Tx, table: CatalogueTable, columns: CatalogueColumn[] = table.columns): AsyncIterable<Uint8Array> {
  if (!tx.copyOut) throw new Error(`the driver cannot COPY out`)
  return tx.copyOut(`(SELECT ${columns.map((c) => c.quoted).join(', ')} FROM ${table.quoted} AS t ORDER BY ${table.orderBy})`)
}

/** Appends COPY text (whole lines) to the table's listed columns. */
export async function copyTableIn(tx: Tx, table: CatalogueTable, columns: CatalogueColumn[], text: string): Promise<void> {
  if (!tx.copyIn) throw new Error('the driver cannot COPY in')
  await tx.copyIn(`${table.quoted} (${columns.map((c) => c.quoted).join(', ')})`, text)
}

/** Empties the given tables at once, and any referencing them (on a freshly migrated target: the rows migrations seed). */
export async function truncateTables(tx: Tx, tables: CatalogueTable[]): Promise<void> {
  if (tables.length > 0) await tx.exec(`TRUNCATE ${tables.map((t) => t.quoted).join(', ')} CASCADE`)
}

/**
 * Turns the tables' own triggers off (or back on) inside tx: a restore loads every table as it was
 * archived, so the rollup, licence and exchange triggers must not add to, refuse or re-stamp rows.
 */
export async function setUserTriggers(tx: Tx, tables: CatalogueTable[], enabled: boolean): Promise<void> {
  for (const t of tables) await tx.exec(`ALTER TABLE ${t.quoted} ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER USER`)
}

/** Drops everything the migrations made (restore --replace), inside tx. */
export async function dropSchema(tx: Tx): Promise<void> {
  await tx.exec(sqlFile('ops/drop-schema'))
}

/** Recomputes every materialized view of the schema (after a restore loaded their tables). */
export async function refreshMaterializedViews(tx: Tx): Promise<number> {
  const views = await tx.query<{ quoted: string }>(sqlFile('ops/materialized-views'))
  for (const v of views) await tx.exec(`REFRESH MATERIALIZED VIEW ${v.quoted}`)
  return views.length
}

/** Drops the table's indexes that back no constraint; returns the statements that rebuild them. */
export async function dropSecondaryIndexes(tx: Tx, table: CatalogueTable): Promise<string[]> {
  const indexes = await tx.query<{ quoted: string; definition: string }>(sqlFile('ops/secondary-indexes'), [table.quoted])
  for (const i of indexes) await tx.exec(`DROP INDEX ${i.quoted}`)
  return indexes.map((i) => i.definition)
}

/** Drops every foreign key of the schema; returns the statements that add them back. */
export async function dropForeignKeys(tx: Tx): Promise<string[]> {
  const keys = await tx.query<{ table_quoted: string; name: string; definition: string }>(sqlFile('ops/foreign-keys'))
  for (const k of keys) await tx.exec(`ALTER TABLE ${k.table_quoted} DROP CONSTRAINT ${k.name}`)
  return keys.map((k) => `ALTER TABLE ${k.table_quoted} ADD CONSTRAINT ${k.name} ${k.definition}`)
}

/** Runs statements saved by dropForeignKeys or dropSecondaryIndexes (a failing key check throws). */
export async function runSaved(tx: Tx, statements: string[]): Promise<void> {
  for (const s of statements) await tx.exec(s)
}
