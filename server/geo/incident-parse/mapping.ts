// The mapping step: which column of a CSV plays each field, how its coordinates and dates are
// written, and what is wrong before anything is written. A known schema (schemas.ts) gives its
// own columns, a generic file is read by common names, and a user's mapping overrides either.
// The first rows of the file (a sample) settle the coordinate order and the date order.
import { dateForm, findColumn, headerKey, parseDate } from './fields.ts'
import { FIELD_NAMES } from './record.ts'
import { detectSchema, KNOWN_SCHEMAS, MIN_SCHEMA_SCORE, type SchemaMatch } from './schemas.ts'
import { COORDINATE_ORDERS, DATE_ORDERS, MAPPED_FIELDS, type ColumnMapping, type CoordinateOrder, type DateOrder, type MappedField } from './types.ts'

export type CsvFlavour = 'iom' | 'acled' | 'csv'

export interface MappingProblem {
  /** the mapped field at fault (`lat`, `date`, ...) */
  field: MappedField
  message: string
}

export interface ResolvedMapping {
  /** the row mapper that reads the file */
  format: CsvFlavour
  /** the known schema recognised, or null for a generic CSV */
  schema: string | null
  schemaLabel: string
  /** share of the schema's columns present, 0..1 (1 for a generic CSV) */
  score: number
  /** index of each field's column, −1 when none */
  columns: Record<MappedField, number>
  order: CoordinateOrder
  dateOrder: DateOrder
  /** how the sampled dates are written ("YYYY-MM-DD", "DD/MM/YYYY", "year + month", ...); null when none read */
  dateForm: string | null
  /** choices made that a user should know about (which coordinates were used, ...) */
  notes: string[]
  /** what stops an import: no coordinates, no date, a date column whose values do not parse */
  problems: MappingProblem[]
}

/** Column names per field, null when unmapped: the mapping as the API and the import record show it. */
export function mappingNames(header: readonly string[], m: ResolvedMapping): ColumnMapping {
  const out: ColumnMapping = { order: m.order, date_order: m.dateOrder }
  for (const f of MAPPED_FIELDS) if (m.columns[f] >= 0) out[f] = header[m.columns[f]]
  return out
}

/** "Number of Dead", "x", ... quoted for messages. */
const q = (s: string) => `"${s}"`

/**
 * Resolves the mapping of a CSV from its header, its first rows and a user's mapping (which
 * wins field by field). Throws when the user names a column the file does not have.
 */
export function resolveMapping(header: readonly string[], sample: readonly (readonly string[])[], user: ColumnMapping = {}, forced?: CsvFlavour): ResolvedMapping {
  let match: SchemaMatch | null = forced === 'csv' ? null : detectSchema(header, forced ? KNOWN_SCHEMAS.filter((s) => s.format === forced) : KNOWN_SCHEMAS)
  // a format forced on a file that matches none of its schemas: the closest one's columns, then common names
  if (!match && (forced === 'iom' || forced === 'acled')) match = detectSchema(header, KNOWN_SCHEMAS.filter((s) => s.format === forced), 0, false)
  const format: CsvFlavour = match ? match.schema.format : 'csv'
  const columns = {} as Record<MappedField, number>
  for (const f of MAPPED_FIELDS) {
    const fromSchema = match?.schema.fields[f]
    const i = fromSchema !== undefined ? findColumn(header, [fromSchema]) : -1
    columns[f] = i >= 0 || (match && match.score >= MIN_SCHEMA_SCORE) ? i : findColumn(header, FIELD_NAMES[f])
  }
  const given = MAPPED_FIELDS.filter((f) => user[f] !== undefined && user[f] !== '')
  for (const f of given) {
    const i = header.indexOf(user[f]!) >= 0 ? header.indexOf(user[f]!) : findColumn(header, [user[f]!])
    if (i < 0) throw new MappingError(f, `mapping.${f}: no column named ${q(user[f]!)} among ${header.filter((h) => h !== '').map(q).join(', ')}`)
    columns[f] = i
  }
  // a user's choice of one coordinate form, or of a date column, sets the other aside
  if (given.includes('lat') || given.includes('lng')) {
    if (!given.includes('coordinates')) columns.coordinates = -1
  } else if (given.includes('coordinates')) columns.lat = columns.lng = -1
  if (given.includes('date') && !given.includes('year')) columns.year = columns.month = -1

  const notes: string[] = []
  const problems: MappingProblem[] = []
  const values = (i: number) => sample.map((r) => (r[i] ?? '').trim()).filter((v) => v !== '')
  // one rule for every file: a "lat, lon" string wins over separate columns (IOM's official field;
  // re-published copies add lat/lon columns derived from it)
  const otherLat = columns.lat >= 0 ? columns.lat : findColumn(header, FIELD_NAMES.lat)
  const otherLng = columns.lng >= 0 ? columns.lng : findColumn(header, FIELD_NAMES.lng)
  if (columns.coordinates >= 0 && (otherLat >= 0 || otherLng >= 0)) {
    const unused = [otherLat, otherLng].filter((i) => i >= 0).map((i) => q(header[i]))
    notes.push(`coordinates read from the ${q(header[columns.coordinates])} string; the separate ${unused.join(' and ')} column${unused.length > 1 ? 's are' : ' is'} not used`)
    columns.lat = columns.lng = -1
  }
  let order: CoordinateOrder = user.order ?? 'latlng'
  if (columns.coordinates >= 0 && !user.order) {
    const firsts = values(columns.coordinates).map((v) => Math.abs(Number(v.split(/[,;\s]+/)[0])))
    if (firsts.some((n) => n > 90 && n <= 180)) order = 'lnglat'
    notes.push(`coordinates ${q(header[columns.coordinates])} read as ${order === 'latlng' ? '"lat, lon"' : '"lon, lat"'}`)
  }
  if (columns.coordinates < 0 && (columns.lat < 0 || columns.lng < 0)) {
    problems.push({ field: columns.lat < 0 ? 'lat' : 'lng', message: `no latitude/longitude columns and no coordinates column among ${header.filter((h) => h !== '').map(q).join(', ')}: map lat and lng, or coordinates` })
  }

  let dateOrder: DateOrder = user.date_order ?? 'mdy'
  let form: string | null = null
  if (columns.date >= 0) {
    const dates = values(columns.date)
    const forms = dates.map(dateForm)
    if (!user.date_order && forms.includes('DD/MM/YYYY')) dateOrder = 'dmy'
    const readable = dates.filter((d) => {
      try {
        parseDate(d, dateOrder)
        return true
      } catch {
        return false
      }
    })
    const counts = new Map<string, number>()
    for (const f of forms) if (f) counts.set(f, (counts.get(f) ?? 0) + 1)
    form = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
    if (form === '??/??/YYYY' || form === 'MM/DD/YYYY' || form === 'DD/MM/YYYY') form = dateOrder === 'dmy' ? 'DD/MM/YYYY' : 'MM/DD/YYYY'
    if (dates.length > 0 && readable.length === 0) {
      const examples = [...new Set(dates)].slice(0, 3).map(q).join(', ')
      problems.push({ field: 'date', message: `date column ${q(header[columns.date])} holds no date that can be read, e.g. ${examples}: map date to another column` })
    }
  } else if (columns.year >= 0) {
    form = columns.month >= 0 ? 'year + month' : 'year'
  } else {
    problems.push({ field: 'date', message: `no date column among ${header.filter((h) => h !== '').map(q).join(', ')}: map date (or year and month)` })
  }
  return {
    format,
    schema: match?.schema.id ?? null,
    schemaLabel: match?.schema.label ?? 'CSV (columns found by common names)',
    score: match?.score ?? 1,
    columns,
    order,
    dateOrder,
    dateForm: form,
    notes,
    problems,
  }
}

/** A mapping that names a column the file does not have. */
export class MappingError extends Error {
  constructor(
    readonly field: MappedField,
    message: string,
  ) {
    super(message)
  }
}

/** A key for a header that ignores order, case, spaces and punctuation: the same headers next month give the same key. */
export function headerSignature(header: readonly string[]): string {
  return [...new Set(header.map(headerKey).filter((k) => k !== ''))].sort().join('|')
}

/**
 * A mapping as written on the command line or in a form field: `lat=Lat,lng=Lon,date=Day`
 * (plus `order=latlng|lnglat`, `date_order=mdy|dmy`), or the same as a JSON object (for column
 * names holding commas). Throws a message naming the bad pair.
 */
export function parseMappingText(text: string | undefined): ColumnMapping {
  const t = (text ?? '').trim()
  if (t === '') return {}
  let pairs: [string, string][]
  if (t.startsWith('{')) {
    let obj: unknown
    try {
      obj = JSON.parse(t)
    } catch {
      throw new Error(`mapping is not valid JSON: ${t.slice(0, 60)}`)
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new Error('mapping must be a JSON object of field: column')
    pairs = Object.entries(obj).filter(([, v]) => v !== null && v !== '').map(([k, v]) => [k, String(v)])
  } else {
    pairs = t.split(',').map((pair) => {
      const at = pair.indexOf('=')
      return at < 0 ? [pair.trim(), ''] : [pair.slice(0, at).trim(), pair.slice(at + 1).trim()]
    })
  }
  const out: ColumnMapping = {}
  for (const [key, value] of pairs) {
    if (key === 'order') {
      if (!(COORDINATE_ORDERS as readonly string[]).includes(value)) throw new Error(`mapping order must be ${COORDINATE_ORDERS.join(' or ')}, got "${value}"`)
      out.order = value as CoordinateOrder
    } else if (key === 'date_order') {
      if (!(DATE_ORDERS as readonly string[]).includes(value)) throw new Error(`mapping date_order must be ${DATE_ORDERS.join(' or ')}, got "${value}"`)
      out.date_order = value as DateOrder
    } else if ((MAPPED_FIELDS as readonly string[]).includes(key) && value !== '') out[key as MappedField] = value
    else throw new Error(`mapping takes field=column pairs with fields ${MAPPED_FIELDS.join(', ')} (and order, date_order), got "${key}${value ? `=${value}` : ''}"`)
  }
  return out
}
