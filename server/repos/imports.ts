// Import records: what each file brought in, what it rejected and why, and dataset credits.
import { ownerParams, type RecordOwner, type Sharing } from '../../shared/access.ts'
import { sqlFile } from '../db/sql-files.ts'
import { bumpVersion } from './versions.ts'
import type { Db, Queryable } from '../db/types.ts'
import type { ColumnMapping, Rejection } from '../geo/incident-parse/types.ts'
import type { StoredMapping } from '../../shared/import-formats.ts'

export type ImportStatus = 'completed' | 'rejected' | 'failed'

export interface ImportRecord {
  id: number
  file_name: string
  format: string
  source_dataset: string
  credit: string | null
  checksum: string
  strict: boolean
  status: ImportStatus
  rows_read: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
  rejections?: Rejection[]
  error: string | null
  started_at: string
  finished_at: string
  owner_agency: number
  sharing: Sharing
  partners: string[]
  /** the mapping step of a CSV import; null for GeoJSON, KML, GPX and older imports */
  mapping: StoredMapping | null
}

export type { StoredMapping }

export interface ImportHeader {
  fileName: string
  format: string
  dataset: string
  checksum: string
  strict: boolean
  startedAt: Date
  /** who owns the import and its incidents, and who may read them */
  owner: RecordOwner
  /** the CSV mapping step and the header key it is saved under (null for other formats) */
  mapping?: StoredMapping | null
  headerKey?: string | null
}

/** Agency $1's latest completed import of a file with these headers that carried a user's mapping. */
export async function findSavedMapping(db: Queryable, agencyId: number, headerKey: string): Promise<{ id: number; mapping: StoredMapping } | null> {
  const [row] = await db.query<{ id: number; mapping: StoredMapping }>(sqlFile('imports/find-saved-mapping'), [agencyId, headerKey])
  return row ? { id: Number(row.id), mapping: typeof row.mapping === 'string' ? JSON.parse(row.mapping) : row.mapping } : null
}

/** The id of an agency's completed import of this file into this dataset, or null. */
export async function findCompletedImport(db: Queryable, dataset: string, checksum: string, agencyId: number): Promise<number | null> {
  const [row] = await db.query<{ id: number }>(sqlFile('imports/find-completed'), [dataset, checksum, agencyId])
  return row ? Number(row.id) : null
}

/** Records the dataset's credit line and terms (latest wins, but a restricted dataset stays restricted). */
export async function upsertSource(db: Queryable, dataset: string, credit: string, url: string | null, licence: string | null = null, redistribution = true): Promise<void> {
  await db.query(sqlFile('imports/upsert-source'), [dataset, credit, url, licence, redistribution])
}

/** Whether a dataset's recorded terms forbid redistribution (false for a dataset never seen). */
export async function datasetRestricted(db: Queryable, dataset: string): Promise<boolean> {
  const [row] = await db.query<{ restricted: boolean }>(sqlFile('imports/dataset-restricted'), [dataset])
  return row?.restricted ?? false
}

/** Opens the import record inside the import's transaction; returns its id. */
export async function beginImport(tx: Queryable, h: ImportHeader): Promise<number> {
  const [row] = await tx.query<{ id: number }>(sqlFile('imports/begin'), [h.fileName, h.format, h.dataset, h.checksum, h.strict, h.startedAt, ...ownerParams(h.owner), mappingParam(h), h.headerKey ?? null])
  return Number(row.id)
}

/** Rows written by one import or bundle merge from which the planner's statistics are refreshed after it. */
export const ANALYZE_AFTER_ROWS = 10_000

/**
 * Refreshes the planner's statistics of incidents and the rollup when a committed write put in
 * `rowsWritten` >= ANALYZE_AFTER_ROWS rows (autovacuum may be off or not yet have run).
 */
export async function analyzeAfterLargeWrite(db: Queryable, rowsWritten: number): Promise<void> {
  if (rowsWritten >= ANALYZE_AFTER_ROWS) await db.query(sqlFile('imports/analyze'))
}

/** Stores the final counts and rejections of an import. */
export async function finishImport(
  tx: Queryable,
  id: number,
  counts: { rowsRead: number; inserted: number; updated: number; unchanged: number; rejected: number },
  rejections: Rejection[],
): Promise<void> {
  await tx.query(sqlFile('imports/finish'), [id, counts.rowsRead, counts.inserted, counts.updated, counts.unchanged, counts.rejected, JSON.stringify(rejections).replaceAll('\\u0000', '')])
  // incident and hotspot tiles are keyed on this version: none is served stale after the import
  await bumpVersion(tx, 'incidents')
}

/** Records an import that put nothing in (strict rejection or fatal error); returns its id. */
export async function recordUnsuccessfulImport(
  db: Queryable,
  h: ImportHeader,
  status: 'rejected' | 'failed',
  counts: { rowsRead: number; rejected: number },
  rejections: Rejection[],
  error: string | null,
): Promise<number> {
  const [row] = await db.query<{ id: number }>(sqlFile('imports/record-unsuccessful'), [
    h.fileName,
    h.format,
    h.dataset,
    h.checksum,
    h.strict,
    status,
    counts.rowsRead,
    counts.rejected,
    // PostgreSQL text and jsonb cannot hold NUL, which a broken file may put in a message
    JSON.stringify(rejections).replaceAll('\\u0000', ''),
    error?.replaceAll('\u0000', '') ?? null,
    h.startedAt,
    ...ownerParams(h.owner),
    mappingParam(h),
    h.headerKey ?? null,
  ])
  return Number(row.id)
}

function mappingParam(h: ImportHeader): string | null {
  return h.mapping ? JSON.stringify(h.mapping).replaceAll('\\u0000', '') : null
}

/** One import with its rejections, or null. */
export async function getImport(db: Db, id: number): Promise<ImportRecord | null> {
  const [row] = await db.query<ImportRecord>(sqlFile('imports/get'), [id])
  return row ? normalise(row) : null
}

/** The latest imports, newest first, without rejection lists. */
export async function listImports(db: Db, limit: number): Promise<ImportRecord[]> {
  return (await db.query<ImportRecord>(sqlFile('imports/list'), [limit])).map(normalise)
}

function normalise(row: ImportRecord): ImportRecord {
  const iso = (t: unknown) => (t instanceof Date ? t.toISOString() : new Date(String(t)).toISOString())
  const mapping = typeof row.mapping === 'string' ? JSON.parse(row.mapping) : (row.mapping ?? null)
  return { ...row, mapping, id: Number(row.id), owner_agency: Number(row.owner_agency), started_at: iso(row.started_at), finished_at: iso(row.finished_at) }
}
