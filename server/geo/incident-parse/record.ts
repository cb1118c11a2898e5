// Incidents from loosely named attributes: a generic CSV row, a GeoJSON feature's properties, a
// KML placemark's data or a GPX waypoint. Fields are found by common names or an explicit mapping.
import { contentIds, FieldError, findColumn, monthNumber, parseCount, parseDate, parseNumber, threatCode } from './fields.ts'
import { resolveMapping, type ResolvedMapping } from './mapping.ts'
import type { MappedField, ParseOptions, ParsedIncident, RowResult } from './types.ts'

/** Common names of each field, tried in order (case, spaces, "_" and "-" ignored). */
export const FIELD_NAMES: Record<MappedField, readonly string[]> = {
  lat: ['latitude', 'lat', 'y', 'decimallatitude', 'lat_dd'],
  lng: ['longitude', 'lon', 'lng', 'long', 'x', 'decimallongitude', 'lon_dd'],
  coordinates: ['coordinates', 'location coordinates', 'coords', 'latlon', 'latlng', 'lat_lon', 'lat/lon', 'gps'],
  date: ['date', 'event_date', 'incident_date', 'reported_date', 'datetime', 'time', 'timestamp', 'when', 'day', 'dt'],
  year: ['year', 'incident_year', 'reported_year'],
  month: ['month', 'reported_month'],
  category: ['threat', 'category', 'threat_category', 'type', 'event_type'],
  id: ['id', 'source_id', 'event_id', 'incident_id', 'uid', 'uuid'],
  dead: ['dead', 'fatalities', 'deaths', 'killed', 'number_of_dead', 'number dead'],
  missing: ['missing', 'number_missing', 'number_of_missing'],
  quantity: ['quantity', 'qty', 'amount', 'seized', 'quantity_seized'],
}

/** Where each field sits among the given attribute names: an index per field, −1 when absent. */
export function locateFields(names: readonly string[], mapping: ParseOptions['mapping'] = {}): Record<MappedField, number> {
  const out = {} as Record<MappedField, number>
  for (const f of Object.keys(FIELD_NAMES) as MappedField[]) {
    const given = mapping[f]
    if (given !== undefined) {
      const i = findColumn(names, [given])
      if (i < 0) throw new Error(`mapping.${f}: no column or property named "${given}"`)
      out[f] = i
    } else out[f] = findColumn(names, FIELD_NAMES[f])
  }
  return out
}

/**
 * Maps one record (attribute names and values; coordinates given apart when the format has them
 * as geometry) to an incident. The row's id comes from its id field, else from a content hash.
 */
export function recordToIncident(
  names: readonly string[],
  values: readonly unknown[],
  line: number,
  where: Record<MappedField, number>,
  options: ParseOptions,
  rowId: (cells: readonly string[]) => string,
  point?: [number, number],
): RowResult {
  const text = (i: number) => (i >= 0 && values[i] !== undefined && values[i] !== null ? String(values[i]).trim() : '')
  const name = (f: MappedField, fallback: string) => (where[f] >= 0 ? names[where[f]] : fallback)
  let field = name('lat', 'geometry')
  try {
    let lng: number
    let lat: number
    if (point) [lng, lat] = point
    else if (where.coordinates >= 0) {
      field = names[where.coordinates]
      ;[lng, lat] = coordinateString(text(where.coordinates), options.mapping?.order === 'lnglat')
    } else {
      if (where.lat < 0 || where.lng < 0) throw new FieldError('no latitude/longitude columns (give mapping.lat and mapping.lng)')
      const la = parseNumber(text(where.lat))
      field = name('lng', 'longitude')
      const lo = parseNumber(text(where.lng))
      if (la === null || lo === null) throw new FieldError('no coordinates', la === null ? name('lat', 'latitude') : undefined)
      ;[lng, lat] = [lo, la]
    }
    if (!(lat >= -90 && lat <= 90)) throw new FieldError(`latitude must be between -90 and 90, got ${lat}`, name('lat', 'latitude'))
    if (!(lng >= -180 && lng <= 180)) throw new FieldError(`longitude must be between -180 and 180, got ${lng}`, name('lng', 'longitude'))
    field = name('date', where.year >= 0 ? names[where.year] : 'date')
    if (where.date < 0 && where.year < 0) throw new FieldError('no date field (give mapping.date)')
    const { date, precision } =
      where.date >= 0 && (text(where.date) !== '' || where.year < 0)
        ? parseDate(text(where.date), options.mapping?.date_order)
        : yearMonth(text(where.year), text(where.month), name('month', 'month'))
    // a row whose category fits no threat is kept as `unclassified` (or the default threat),
    // its own category kept in attrs
    const coded = threatCode(text(where.category))
    const threat = coded ?? options.threat ?? 'unclassified'
    field = name('dead', 'dead')
    const dead = parseCount(text(where.dead))
    field = name('missing', 'missing')
    const missing = parseCount(text(where.missing))
    field = name('quantity', 'quantity')
    const quantity = parseNumber(text(where.quantity))
    const used = new Set(Object.values(where))
    if (coded === null) used.delete(where.category)
    const attrs: Record<string, unknown> = {}
    names.forEach((n, i) => {
      if (!used.has(i) && n !== '' && text(i) !== '') attrs[n] = values[i]
    })
    const incident: ParsedIncident = {
      line,
      sourceId: text(where.id) || rowId(values.map((v) => (v === undefined || v === null ? '' : String(v)))),
      lng,
      lat,
      date,
      datePrecision: precision,
      threat,
      geoPrecision: null,
      dead,
      missing,
      deadMissing: dead === null && missing === null ? null : (dead ?? 0) + (missing ?? 0),
      survivors: null,
      quantity,
      route: null,
      routeFamily: null,
      attrs,
    }
    return incident
  } catch (err) {
    if (!(err instanceof FieldError)) throw err
    return { line, field: err.field ?? field, reason: err.message }
  }
}

/** A row mapper for a generic CSV with this header and resolved mapping. */
export function genericCsvMapper(header: readonly string[], options: ParseOptions = {}, resolved: ResolvedMapping = resolveMapping(header, [], options.mapping, 'csv')) {
  if (resolved.problems.length > 0) throw new Error(`CSV: ${resolved.problems.map((p) => p.message).join('; ')}`)
  const where = resolved.columns
  const opts: ParseOptions = { ...options, mapping: { ...options.mapping, order: resolved.order, date_order: resolved.dateOrder } }
  const rowId = contentIds('row-')
  return (cells: readonly string[], line: number) => recordToIncident(header, cells, line, where, opts, rowId)
}

/** A "lat, lon" string (or "lon, lat" when lngFirst) as [lng, lat]; throws on anything else. */
export function coordinateString(text: string, lngFirst = false): [number, number] {
  if (text === '') throw new FieldError('no coordinates')
  const parts = text.split(/\s*[,;]\s*|\s+/).filter((p) => p !== '')
  if (parts.length !== 2 || parts.some((p) => !Number.isFinite(Number(p)))) throw new FieldError(`expected "${lngFirst ? 'lon, lat' : 'lat, lon'}", got "${text}"`)
  const [a, b] = parts.map(Number)
  return lngFirst ? [a, b] : [b, a]
}

/** Year and month columns as a date: the first of the month (or of the year without a month). */
export function yearMonth(yearText: string, monthText: string, monthField: string): { date: string; precision: 'month' | 'year' } {
  const year = Number(yearText)
  if (!Number.isInteger(year) || year < 1900 || year > 2100) throw new FieldError(yearText === '' ? 'no date' : `not a year: "${yearText}"`)
  if (monthText === '') return { date: `${year}-01-01`, precision: 'year' }
  const month = /^\d{1,2}$/.test(monthText) && +monthText >= 1 && +monthText <= 12 ? +monthText : monthNumber(monthText)
  if (month === 0) throw new FieldError(`not a month: "${monthText}"`, monthField)
  return { date: `${year}-${String(month).padStart(2, '0')}-01`, precision: 'month' }
}
