// One import: sniff the format, skip a file already imported, then stream-parse and write in
// batches inside one transaction (COPY on the server driver). A fatal error or a strict import
// with rejected rows rolls everything back and leaves only the import record saying why.
import { secretariatOwner, type RecordOwner } from '../../shared/access.ts'
import { CsvError, parse } from 'csv-parse'
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import type { Db, Tx } from '../db/types.ts'
import { unusableValue } from '../input-guards.ts'
import { parseGeoJson, parseGpx, parseKml } from '../geo/incident-parse/documents.ts'
import { csvMapper, datasetInfo, type DatasetInfo, type ImportFormat } from '../geo/incident-parse/formats.ts'
import { isRejection, type ParsedIncident, type ParseOptions, type Rejection, type RowResult } from '../geo/incident-parse/types.ts'
import { analyzeAfterLargeWrite, beginImport, datasetRestricted, findCompletedImport, finishImport, getImport, recordUnsuccessfulImport, upsertSource, type ImportHeader, type ImportRecord } from '../repos/imports.ts'
import { copyDirectBatch, copyMergeBatch, createStaging, datasetEmpty, upsertIncidentBatch } from '../repos/incidents.ts'
import { copyLine, copyPrefix, jsonRow } from './encode.ts'
import { planCsvImport, type CsvPlan } from './plan-csv.ts'
import { resolveFileFormat } from './sniff.ts'

export interface ImportOptions extends ParseOptions {
  /** the file on disk and the name to record (an upload's original name) */
  path: string
  fileName: string
  format?: ImportFormat
  /** put nothing in when any row is rejected */
  strict?: boolean
  /** who owns the import and may read it; default: the secretariat, shared regionally */
  owner?: RecordOwner
  /** dataset name and credit line for generic files (IOM and ACLED bring their own) */
  dataset?: string
  credit?: string
  /** called after each batch */
  onProgress?: (p: ImportProgress) => void
}

export interface ImportProgress {
  rows: number
  bytesRead: number
  totalBytes: number
}

export type ImportReport = ImportRecord & { noop: boolean }

type ResolvedFormat = Exclude<ImportFormat, 'auto'>

/** Stored rejections per import; the count covers them all. */
const MAX_STORED_REJECTIONS = 10_000
const COPY_BATCH = 20_000
const JSON_BATCH = 5_000

/** Thrown inside the transaction to roll a strict import back. */
class StrictRejection extends Error {}

/** A problem with the file itself (unreadable, wrong format, missing columns): recorded as failed. */
export class ImportFileError extends Error {}

/** Thrown before anything is written when a dataset whose terms forbid redistribution is to be made public. */
export class LicenceError extends Error {
  readonly field = 'sharing'
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Imports one file; returns its report (the earlier one, with noop, when already imported). */
export async function importFile(db: Db, options: ImportOptions): Promise<ImportReport> {
  const startedAt = new Date()
  const totalBytes = (await stat(options.path)).size
  const owner = options.owner ?? secretariatOwner()
  const fileFormat = resolveFileFormat(options.fileName, options.format ?? 'auto')
  const document = fileFormat === 'geojson' || fileFormat === 'kml' || fileFormat === 'gpx'
  const [checksum, plan] = await Promise.all([
    sha256(options.path),
    document ? null : planCsvImport(db, options, owner.agencyId, options.format === 'csv' || options.format === 'iom' || options.format === 'acled' ? options.format : 'auto'),
  ])
  // a mapping reused from an earlier import brings its default threat, dataset and credit
  const given = plan ? { ...options, ...plan.options } : options
  const format = plan?.resolved.format ?? (fileFormat as 'geojson' | 'kml' | 'gpx')
  const info = datasetInfo(format, given, options.fileName)
  const header: ImportHeader = {
    fileName: options.fileName, format, dataset: info.dataset, checksum, strict: options.strict ?? false, startedAt, owner,
    mapping: plan?.stored ?? null, headerKey: plan?.headerKey ?? null,
  }
  const progress = { bytesRead: 0, totalBytes }
  return importRows(db, header, info, fileRows(format, given, plan, progress), (rows) => options.onProgress?.({ rows, ...progress }))
}

/** The parsed rows of a file: streamed for CSV, whole-document for GeoJSON, KML and GPX. */
async function* fileRows(format: ResolvedFormat, options: ImportOptions, plan: CsvPlan | null, progress: { bytesRead: number }): AsyncGenerator<RowResult> {
  if (!plan) {
    const text = await readFile(options.path, 'utf8')
    progress.bytesRead = text.length
    let results: RowResult[]
    try {
      results = format === 'geojson' ? parseGeoJson(text, options) : format === 'kml' ? parseKml(text, options) : parseGpx(text, options)
    } catch (err) {
      throw new ImportFileError((err as Error).message)
    }
    yield* results
    return
  }
  // the mapping step found no coordinates or no readable date: nothing can go in
  if (plan.resolved.problems.length > 0) throw new ImportFileError(plan.resolved.problems.map((p) => p.message).join('; '))
  const { header: headerCells, delimiter } = plan.sniff
  let mapper
  try {
    mapper = csvMapper(plan.resolved, headerCells, options)
  } catch (err) {
    throw new ImportFileError((err as Error).message)
  }
  const input = createReadStream(options.path)
  input.on('data', (chunk) => (progress.bytesRead += chunk.length))
  const parser = input.pipe(parse({ bom: true, delimiter, from_line: 2, relax_column_count: true, skip_empty_lines: true, info: true }))
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (record.length !== headerCells.length) yield { line: info.lines, field: '(row)', reason: `expected ${headerCells.length} columns, got ${record.length}` }
      else yield mapper(record, info.lines)
    }
  } catch (err) {
    if (err instanceof CsvError) throw new ImportFileError(`CSV: ${err.message}`)
    throw err
  } finally {
    input.destroy()
  }
}

/** "no coordinates" (8 rows), ...: the three commonest reasons rows were rejected, values left out. */
export function commonestReasons(rejections: readonly Rejection[], n = 3): string {
  const counts = new Map<string, number>()
  for (const r of rejections) {
    const key = `${r.field}: ${r.reason.replace(/"[^"]*"/g, '"…"').replace(/\d+(\.\d+)?/g, 'N')}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([k, c]) => `${k} (${c} row${c === 1 ? '' : 's'})`)
    .join('; ')
}

/**
 * Writes parsed rows as one import in one transaction: a no-op when this checksum was already
 * imported into the dataset; rows repeating a source id of the file are rejected; a strict
 * import with rejections, or an ImportFileError, rolls back and is recorded as rejected/failed.
 */
export async function importRows(
  db: Db,
  header: ImportHeader,
  info: DatasetInfo,
  rows: AsyncIterable<RowResult> | Iterable<RowResult>,
  onBatch?: (rowsRead: number) => void,
): Promise<ImportReport> {
  if (header.owner.sharing === 'public' && (!info.redistribution || (await datasetRestricted(db, info.dataset)))) {
    throw new LicenceError(`sharing cannot be public: the terms of dataset "${info.dataset}" (${info.licence ?? 'recorded as restricted'}) forbid redistribution`)
  }
  const done = await findCompletedImport(db, info.dataset, header.checksum, header.owner.agencyId)
  if (done !== null) return { ...(await getImport(db, done))!, noop: true }

  const rejections: Rejection[] = []
  const counts = { rowsRead: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 }
  const reject = (r: Rejection) => {
    counts.rejected++
    if (rejections.length < MAX_STORED_REJECTIONS) rejections.push(r)
  }
  try {
    const id = await db.transaction(async (tx) => {
      await upsertSource(tx, info.dataset, info.credit, info.url, info.licence, info.redistribution)
      const importId = await beginImport(tx, header)
      const writer = await batchWriter(tx, info.dataset, importId, header.owner)
      const seen = new Map<string, number>()
      let batch: ParsedIncident[] = []
      const flush = async () => {
        if (batch.length === 0) return
        const r = await writer.write(batch)
        counts.inserted += r.inserted
        counts.updated += r.updated
        counts.unchanged += batch.length - r.inserted - r.updated
        batch = []
        onBatch?.(counts.rowsRead)
      }
      for await (const result of rows) {
        counts.rowsRead++
        if (isRejection(result)) {
          reject(result)
          continue
        }
        const nul = unusableValue(result, '')
        if (nul) {
          reject({ line: result.line, field: nul.field, reason: nul.reason })
          continue
        }
        const first = seen.get(result.sourceId)
        if (first !== undefined) {
          reject({ line: result.line, field: 'id', reason: `source id "${result.sourceId}" repeats line ${first}` })
          continue
        }
        seen.set(result.sourceId, result.line)
        batch.push(result)
        if (batch.length >= writer.batchSize) await flush()
      }
      await flush()
      if (header.strict && counts.rejected > 0) throw new StrictRejection()
      // an import that puts nothing in has failed, whatever its rows said
      if (counts.inserted + counts.updated + counts.unchanged === 0) {
        throw new ImportFileError(counts.rowsRead === 0 ? 'nothing imported: the file has no data rows' : `nothing imported: all ${counts.rowsRead} rows rejected; commonest reasons: ${commonestReasons(rejections)}`)
      }
      await finishImport(tx, importId, counts, rejections)
      return importId
    })
    await analyzeAfterLargeWrite(db, counts.inserted + counts.updated)
    return { ...(await getImport(db, id))!, noop: false }
  } catch (err) {
    if (err instanceof StrictRejection) {
      const id = await recordUnsuccessfulImport(db, header, 'rejected', counts, rejections, `strict import: ${counts.rejected} row(s) rejected, nothing imported`)
      return { ...(await getImport(db, id))!, noop: false }
    }
    if (err instanceof ImportFileError) {
      const id = await recordUnsuccessfulImport(db, header, 'failed', counts, rejections, err.message)
      return { ...(await getImport(db, id))!, noop: false }
    }
    throw err
  }
}

interface BatchWriter {
  batchSize: number
  write(batch: ParsedIncident[]): Promise<{ inserted: number; updated: number }>
}

/**
 * COPY on the server driver: straight into incidents for a dataset's first import (nothing can
 * conflict; repeats within the file are rejected before), else through a staging table and an
 * upsert. PGlite: multi-row INSERT ... SELECT FROM json_array_elements with ON CONFLICT.
 */
async function batchWriter(tx: Tx, dataset: string, importId: number, owner: RecordOwner): Promise<BatchWriter> {
  if (!tx.copyFrom) {
    return { batchSize: JSON_BATCH, write: (batch) => upsertIncidentBatch(tx, dataset, importId, owner, JSON.stringify(batch.map(jsonRow))) }
  }
  // under row-level security (AUTH=on) PostgreSQL refuses COPY into incidents: stage, then INSERT
  if (!tx.rowSecurity && (await datasetEmpty(tx, dataset, owner.agencyId))) {
    const prefix = copyPrefix(dataset, importId, owner)
    return {
      batchSize: COPY_BATCH,
      write: async (batch) => {
        await copyDirectBatch(tx, batch.map((i) => copyLine(i, prefix)).join(''))
        return { inserted: batch.length, updated: 0 }
      },
    }
  }
  await createStaging(tx)
  return { batchSize: COPY_BATCH, write: (batch) => copyMergeBatch(tx, dataset, importId, owner, batch.map((i) => copyLine(i)).join('')) }
}
