// The OGC API Features query parameters that need more than a schema: bbox (4 or 6 numbers,
// CRS84) and datetime (an instant, or an interval with open ends as ".." or empty).
import { type Bbox, parseBbox } from '../../shared/bbox.ts'

export interface Interval {
  /** inclusive start, or null for an open start */
  start: Date | null
  /** inclusive end, or null for an open end */
  end: Date | null
}

/** Parses an OGC bbox: 4 numbers, or 6 with heights (heights are ignored). */
export function parseOgcBbox(text: string): Bbox {
  const parts = text.split(',')
  if (parts.length === 6) return parseBbox([parts[0], parts[1], parts[3], parts[4]].join(','))
  if (parts.length !== 4) throw new Error(`bbox must be 4 or 6 numbers, got ${parts.length}`)
  return parseBbox(text)
}

// A bare "YYYY-MM-DDT" (GDAL's OAPIF driver sends dates so) counts as the date.
const DATE = /^\d{4}-\d{2}-\d{2}T?$/
// A date-time without an offset is read as UTC.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/

function parseInstant(raw: string, edge: 'start' | 'end'): Date {
  const text = raw.replace(/T$/, '')
  if (DATE.test(raw)) {
    // a whole day: from its first to its last millisecond, UTC
    const d = new Date(`${text}T00:00:00Z`)
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text) throw new Error(`datetime has an invalid date: ${text}`)
    return edge === 'start' ? d : new Date(d.getTime() + 86_400_000 - 1)
  }
  if (DATE_TIME.test(text)) {
    const d = new Date(/(Z|[+-]\d{2}:\d{2})$/.test(text) ? text : `${text}Z`)
    if (!Number.isNaN(d.getTime())) return d
  }
  throw new Error(`datetime must be an RFC 3339 date or date-time, or an interval "start/end" with ".." for an open end, got "${raw}"`)
}

/** Parses "2020-01-01", "2020-01-01T00:00:00Z", "2019-01-01/2020-12-31", "../2020-01-01", "2019-01-01/..". */
export function parseDatetime(text: string): Interval {
  const parts = text.split('/')
  if (parts.length === 1) {
    if (parts[0] === '..' || parts[0] === '') throw new Error('datetime must name an instant or an interval, got an open value')
    return { start: parseInstant(parts[0], 'start'), end: parseInstant(parts[0], 'end') }
  }
  if (parts.length !== 2) throw new Error(`datetime must be one instant or "start/end", got "${text}"`)
  const open = (p: string) => p === '..' || p === ''
  if (open(parts[0]) && open(parts[1])) throw new Error('datetime interval must have at least one bound')
  const start = open(parts[0]) ? null : parseInstant(parts[0], 'start')
  const end = open(parts[1]) ? null : parseInstant(parts[1], 'end')
  if (start && end && start > end) throw new Error(`datetime interval starts after it ends: "${text}"`)
  return { start, end }
}
