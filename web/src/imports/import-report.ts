// The import report as the dialog shows it: the row counts, the first rejected rows with their
// line, field and reason, the dataset's credit, and the upload's progress. Pure, so the wording
// is tested without a DOM.

import type { Sharing } from '../../../shared/access.ts'
import type { HotspotStrings } from '../hotspots/strings.ts'

/** The answer of `POST /api/imports` and `GET /api/imports/:id`. */
export interface ImportReport {
  id: number
  file_name: string
  format: string
  source_dataset: string
  credit: string | null
  status: 'completed' | 'rejected' | 'failed'
  rows_read: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
  error: string | null
  rejections: { line: number; field: string; reason: string }[]
  noop?: boolean
  /** who may read the imported incidents (server/routes/sharing.ts) */
  sharing?: Sharing
  partners?: string[]
}

/** Rejected rows the dialog lists; the rest are counted. */
export const REJECTIONS_SHOWN = 20

/** The report's counts as [label, formatted number] rows, in reading order. */
export function reportRows(report: ImportReport, strings: HotspotStrings, locale: string): [string, string][] {
  const n = new Intl.NumberFormat(locale)
  return [
    [strings.rowsRead, n.format(report.rows_read)],
    [strings.inserted, n.format(report.inserted)],
    [strings.updated, n.format(report.updated)],
    [strings.unchanged, n.format(report.unchanged)],
    [strings.rejected, n.format(report.rejected)],
  ]
}

/** The heading of the report: its status, or that the same file had been imported already. */
export function reportHeading(report: ImportReport, strings: HotspotStrings): string {
  if (report.noop) return strings.noop
  return strings.status[report.status] + (report.error ? ` — ${report.error}` : '')
}

/** The first `REJECTIONS_SHOWN` rejected rows and the title that says how many there are. */
export function shownRejections(report: ImportReport, strings: HotspotStrings): { title: string; rows: ImportReport['rejections'] } | null {
  if (report.rejected === 0 && report.rejections.length === 0) return null
  const rows = report.rejections.slice(0, REJECTIONS_SHOWN)
  return { title: strings.rejectionsTitle(rows.length, Math.max(report.rejected, report.rejections.length)), rows }
}

/** A byte count for people: 532 B, 12.5 kB, 3.4 MB (decimal units). */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'kB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)} ${units[unit]}`
}

/** The progress line of an upload of `loadedBytes` of `totalBytes`. */
export function progressText(loadedBytes: number, totalBytes: number, strings: HotspotStrings, locale: string): string {
  const fraction = totalBytes > 0 ? Math.min(1, loadedBytes / totalBytes) : 0
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction)
  return strings.uploading(percent, formatBytes(loadedBytes, locale), formatBytes(totalBytes, locale))
}
