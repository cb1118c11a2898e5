// Incidents from loosely named attributes: a generic CSV row, a GeoJSON feature's properties, a
// KML placemark's data or a GPX waypoint. Fields are found by common names or an explicit mapping.
import { contentIds, FieldError, findColumn, parseCount, parseDate, parseNumber, threatCode } from './fields.ts'
import type { MappedField, ParseOptions, ParsedIncident, RowResult } from './types.ts'

/** Common names of each field, tried in order (case, spaces, "_" and "-" ignored). */
export const FIELD_NAMES: Record<MappedField, readonly string[]> = {
  lat: ['latitude', 'lat', 'y', 'decimallatitude', 'lat_dd'],
  lng: ['longitude', 'lon', 'lng', 'long', 'x', 'decimallongitude', 'lon_dd'],
  date: ['date', 'event_date', 'incident_date', 'reported_date', 'datetime', 'time', 'timestamp', 'when', 'day'],
  category: ['threat', 'category', 'threat_category', 'type', 'event_type'],
  id: ['id', 'source_id', 'event_id', 'incident_id', 'uid', 'uuid'],
  dead: ['dead', 'fatalities', 'deaths', 'killed', 'number_of_dead'],
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
    else {
      if (where.lat < 0 || where.lng < 0) throw new FieldError('no latitude/longitude columns (give mapping.lat and mapping.lng)')
      const la = parseNumber(text(where.lat))
      field = name('lng', 'longitude')
      const lo = parseNumber(text(where.lng))
      if (la === null || lo === null) throw new FieldError('no coordinates', la === null ? name('lat', 'latitude') : undefined)
      ;[lng, lat] = [lo, la]
    }
    if (!(lat >= -90 && lat <= 90)) throw new FieldError(`latitude must be between -90 and 90, got ${lat}`, name('lat', 'latitude'))
    if (!(lng >= -180 && lng <= 180)) throw new FieldError(`longitude must be between -180 and 180, got ${lng}`, name('lng', 'longitude'))
    field = name('date', 'date')
    if (where.date < 0) throw new FieldError('no date field (give mapping.date)')
    const { date, precision } = parseDate(text(where.date))
    field = name('category', 'category')
    const threat = threatCode(text(where.category)) ?? options.threat ?? null
    if (threat === null) {
      throw new FieldError(where.category < 0 ? 'no category field and no default threat' : `"${text(where.category)}" is not a threat category`)
    }
    field = name('dead', 'dead')
    const dead = parseCount(text(where.dead))
    field = name('quantity', 'quantity')
    const quantity = parseNumber(text(where.quantity))
    const used = new Set(Object.values(where))
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
      missing: null,
      deadMissing: dead,
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

/** A row mapper for a generic CSV with this header. */
export function genericCsvMapper(header: readonly string[], options: ParseOptions = {}) {
  const where = locateFields(header, options.mapping)
  if (where.lat < 0 || where.lng < 0) throw new Error(`CSV: no latitude/longitude columns among ${header.join(', ')} (give mapping.lat and mapping.lng)`)
  if (where.date < 0) throw new Error(`CSV: no date column among ${header.join(', ')} (give mapping.date)`)
  const rowId = contentIds('row-')
  return (cells: readonly string[], line: number) => recordToIncident(header, cells, line, where, options, rowId)
}
