// Field parsers shared by the formats: counts, dates, coordinates, threat names, row ids.
import { THREATS } from '../../../shared/vocabulary.ts'
import type { DatePrecision } from './types.ts'

/** Thrown by field parsers; the mapper turns it into a rejection naming the field. */
export class FieldError extends Error {
  constructor(
    message: string,
    /** the field at fault when it is not the one being parsed */
    readonly field?: string,
  ) {
    super(message)
  }
}

/** A non-negative count: "1,022" → 1022, "" → null; throws on anything else. */
export function parseCount(text: string | undefined): number | null {
  const t = (text ?? '').trim()
  if (t === '') return null
  const clean = t.replace(/[,\s\u00a0\u202f]/g, '')
  if (!/^\d+(\.0+)?$/.test(clean)) throw new FieldError(`not a whole non-negative number: "${t}"`)
  return Number.parseInt(clean, 10)
}

/** A decimal number or null when empty; throws on text. */
export function parseNumber(text: string | undefined): number | null {
  const t = (text ?? '').trim()
  if (t === '') return null
  const n = Number(t.replace(/[,\s]/g, ''))
  if (!Number.isFinite(n)) throw new FieldError(`not a number: "${t}"`)
  return n
}

/** How a date written 01/06/2014 is read: month first (IOM's US-style exports) or day first. */
export type SlashOrder = 'mdy' | 'dmy'

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

/** Month number 1..12 from an English name or its three-letter abbreviation; 0 when unknown. */
export function monthNumber(name: string): number {
  const n = name.trim().toLowerCase().replace(/\.$/, '')
  return MONTHS.findIndex((m) => m === n || (n.length >= 3 && m.startsWith(n))) + 1
}

function iso(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day))
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day || year < 1900 || year > 2100) {
    throw new FieldError(`no such date: ${year}-${month}-${day}`)
  }
  return d.toISOString().slice(0, 10)
}

/**
 * A date in the forms the sources use: 2022-01-31 (optionally with a time), 2022-01, 2022,
 * 31 January 2022, January 6, 2014, 01/06/2014 (month first, as IOM's US-style exports),
 * "Tue, 01/06/2014 - 12:00". Less precise dates stand for their first day.
 */
export function parseDate(text: string | undefined, slashOrder: SlashOrder = 'mdy'): { date: string; precision: DatePrecision } {
  let t = (text ?? '').trim()
  if (t === '') throw new FieldError('no date')
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t)
  if (m) return { date: iso(+m[1], +m[2], +m[3]), precision: 'day' }
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(t))) return { date: iso(+m[1], +m[2], 1), precision: 'month' }
  if ((m = /^(\d{4})$/.exec(t))) return { date: iso(+m[1], 1, 1), precision: 'year' }
  t = t.replace(/^[A-Za-z]{3},\s*/, '').replace(/\s+-\s+\d{1,2}:\d{2}$/, '')
  if ((m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t))) {
    return { date: slashOrder === 'dmy' ? iso(+m[3], +m[2], +m[1]) : iso(+m[3], +m[1], +m[2]), precision: 'day' }
  }
  if ((m = /^(\d{1,2})[ -]([A-Za-z.]+)[ -](\d{4})$/.exec(t)) && monthNumber(m[2])) return { date: iso(+m[3], monthNumber(m[2]), +m[1]), precision: 'day' }
  if ((m = /^([A-Za-z.]+) (\d{1,2}),? (\d{4})$/.exec(t)) && monthNumber(m[1])) return { date: iso(+m[3], monthNumber(m[1]), +m[2]), precision: 'day' }
  if ((m = /^([A-Za-z.]+),? (\d{4})$/.exec(t)) && monthNumber(m[1])) return { date: iso(+m[2], monthNumber(m[1]), 1), precision: 'month' }
  throw new FieldError(`unrecognised date "${text}"`)
}

/** A longitude/latitude pair checked for range; throws naming which one is wrong. */
export function checkLngLat(lng: number | null, lat: number | null): [number, number] {
  if (lat === null || lng === null) throw new FieldError('no coordinates')
  if (!(lat >= -90 && lat <= 90)) throw new FieldError(`latitude must be between -90 and 90, got ${lat}`)
  if (!(lng >= -180 && lng <= 180)) throw new FieldError(`longitude must be between -180 and 180, got ${lng}`)
  if (lat === 0 && lng === 0) throw new FieldError('coordinates 0, 0 (null island) are a placeholder, not a place')
  return [lng, lat]
}

/** A threat code from a code or a label: "Drug trafficking" → drug_trafficking; null when none matches. */
export function threatCode(text: string | undefined): string | null {
  const t = (text ?? '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z]+/g, '_')
    .replace(/^_|_$/g, '')
  return (THREATS as readonly string[]).includes(t) ? t : null
}

/**
 * cyrb53: a fast 53-bit string hash (public domain, bryc). Used for ids of rows without one,
 * together with the occurrence count of identical rows so that duplicates stay distinct.
 */
export function hash53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

/** Ids for rows without one: hash of the row's cells, suffixed by its occurrence among identical rows. */
export function contentIds(prefix: string): (cells: readonly string[]) => string {
  const seen = new Map<string, number>()
  return (cells) => {
    const h = hash53(cells.join('\u001f'))
    const n = (seen.get(h) ?? 0) + 1
    seen.set(h, n)
    return `${prefix}${h}-${n}`
  }
}

/** A header name for matching: case, accents, spaces and punctuation ignored ("Number_of-Dead " → "numberofdead"). */
export function headerKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

/** Index of the first header (case-, space- and punctuation-insensitive) among candidates; −1 when absent. */
export function findColumn(header: readonly string[], candidates: readonly string[]): number {
  const names = header.map(headerKey)
  for (const c of candidates) {
    const i = names.indexOf(headerKey(c))
    if (i >= 0 && names[i] !== '') return i
  }
  return -1
}

/**
 * The written form of a date, as a label the mapping step shows ("YYYY-MM-DD", "DD/MM/YYYY",
 * "01/06/2014 (day or month first)", ...); null when parseDate cannot read it.
 */
export function dateForm(text: string): string | null {
  const t = text.trim()
  if (/^\d{4}-\d{1,2}-\d{1,2}([T ].*)?$/.test(t)) return 'YYYY-MM-DD'
  if (/^\d{4}-\d{1,2}$/.test(t)) return 'YYYY-MM'
  if (/^\d{4}$/.test(t)) return 'YYYY'
  const u = t.replace(/^[A-Za-z]{3},\s*/, '').replace(/\s+-\s+\d{1,2}:\d{2}$/, '')
  const m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(u)
  if (m) return +m[1] > 12 ? 'DD/MM/YYYY' : +m[2] > 12 ? 'MM/DD/YYYY' : '??/??/YYYY'
  if (/^\d{1,2}[ -][A-Za-z.]+[ -]\d{4}$/.test(u)) return 'D Month YYYY'
  if (/^[A-Za-z.]+ \d{1,2},? \d{4}$/.test(u)) return 'Month D, YYYY'
  if (/^[A-Za-z.]+,? \d{4}$/.test(u)) return 'Month YYYY'
  return null
}
