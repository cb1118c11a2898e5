// The preview of a CSV import: its plan (plan-csv.ts) and a dry run of the row mapper over the
// first rows, so the user sees what would go in before anything is written.
import type { Queryable } from '../db/types.ts'
import { csvMapper, datasetInfo, type ImportFormat } from '../geo/incident-parse/formats.ts'
import { isRejection, type ColumnMapping, type Rejection } from '../geo/incident-parse/types.ts'
import type { ImportPreview } from '../../shared/import-formats.ts'
import { planCsvImport } from './plan-csv.ts'

/** Rows shown in the preview table. */
const SHOWN_ROWS = 10

export type { ImportPreview }

/** Previews the CSV at `path` as an import with these options would read it. */
export async function previewCsvImport(
  db: Queryable,
  options: { path: string; fileName: string; format: ImportFormat; mapping?: ColumnMapping; threat?: string; dataset?: string; credit?: string },
  agencyId: number,
): Promise<ImportPreview> {
  const format = options.format === 'csv' || options.format === 'iom' || options.format === 'acled' ? options.format : 'auto'
  const plan = await planCsvImport(db, options, agencyId, format)
  const given = { ...options, ...plan.options }
  const info = datasetInfo(plan.resolved.format, given, options.fileName)
  const sample = { rows: plan.sniff.sample.length, accepted: 0, rejected: 0, dead: 0, missing: 0, threats: {} as Record<string, number>, rejections: [] as Rejection[] }
  if (plan.resolved.problems.length === 0) {
    const map = csvMapper(plan.resolved, plan.sniff.header, given)
    plan.sniff.sample.forEach((cells, i) => {
      const r = map(cells, i + 2)
      if (isRejection(r)) {
        sample.rejected++
        sample.rejections.push(r)
        return
      }
      sample.accepted++
      sample.dead += r.dead ?? 0
      sample.missing += r.missing ?? 0
      sample.threats[r.threat] = (sample.threats[r.threat] ?? 0) + 1
    })
  }
  return {
    file_name: options.fileName,
    format: plan.resolved.format,
    header: plan.sniff.header,
    delimiter: plan.sniff.delimiter,
    rows: plan.sniff.sample.slice(0, SHOWN_ROWS),
    mapping: plan.stored,
    problems: plan.resolved.problems,
    dataset: info.dataset,
    credit: info.credit,
    threat: given.threat ?? null,
    sample,
  }
}
