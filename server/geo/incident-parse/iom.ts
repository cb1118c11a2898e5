// IOM Missing Migrants Project CSV, in every schema of schemas.ts: the public mirror (year +
// month, no id), the dated cut (Reported Date), the current official export (Main ID, Incident
// ID, Incident Date, ...) and the 2014–2021 export (Web ID, Reported Date, Location Coordinates,
// Number Dead). Which column gives each core field comes from the resolved mapping (mapping.ts);
// the other columns are found by their names across the schemas. Quirks handled here:
//   - Coordinates / Location Coordinates is one string "lat, lon", latitude first;
//   - a longitude or latitude written as a whole number ("35.8793, -5") is a truncated value:
//     kept, flagged geo_precision 3 and attrs.coordinates_truncated;
//   - rows without coordinates are rejected with that reason;
//   - counts may carry thousands separators ("1,022"); a negative count ("-1", 9 rows of the
//     mirror) is read as unknown and kept in attrs.negative_counts_dropped;
//   - "Split Incident" and "Cumulative Incident" rows can double-count: kept, flagged
//     attrs.may_double_count (sum metrics include them; analysts can filter them out);
//   - month-only dates are month precision; the BOM is stripped by the CSV reader.
import { contentIds, checkLngLat, FieldError, findColumn, parseCount, parseDate, parseNumber } from './fields.ts'
import { resolveMapping, type ResolvedMapping } from './mapping.ts'
import { coordinateString, yearMonth } from './record.ts'
import { iomRouteFamily } from './route-family.ts'
import type { ParsedIncident, RowMapper } from './types.ts'

export const IOM_DATASET = 'iom-mmp'
export const IOM_CREDIT = "IOM's Missing Migrants Project"

// columns beyond the mapped fields (resolved in mapping.ts), by their names across the schemas
const COLUMNS = {
  mainId: ['Main ID'],
  type: ['Incident Type'],
  deadMissing: ['Total Number of Dead and Missing', 'Total Dead and Missing'],
  survivors: ['Number of Survivors'],
  females: ['Number of Females'],
  males: ['Number of Males'],
  children: ['Number of Children'],
  cause: ['Cause of Death'],
  route: ['Migration route', 'Migration Route'],
  location: ['Location of death', 'Location of Incident', 'Location Description'],
  countryOfIncident: ['Country of Incident'],
  regionOfIncident: ['Region of Incident', 'Region'],
  countryOfOrigin: ['Country of Origin'],
  source: ['Information Source'],
  url: ['URL'],
  quality: ['Source Quality'],
} as const

type Column = keyof typeof COLUMNS | 'incidentId' | 'coordinates' | 'lat' | 'lng' | 'date' | 'year' | 'month' | 'dead' | 'missing'

/** Whether a CSV header is one of the known IOM Missing Migrants schemas. */
export function isIomHeader(header: readonly string[]): boolean {
  return resolveMapping(header, []).format === 'iom'
}

/** A row mapper for an IOM CSV with this header (and its resolved mapping); throws when a needed column is missing. */
export function iomMapper(header: readonly string[], resolved: ResolvedMapping = resolveMapping(header, [], {}, 'iom')): RowMapper {
  const m = resolved.columns
  const col = {
    ...(Object.fromEntries(Object.entries(COLUMNS).map(([k, names]) => [k, findColumn(header, names)])) as Record<keyof typeof COLUMNS, number>),
    incidentId: m.id, coordinates: m.coordinates, lat: m.lat, lng: m.lng, date: m.date, year: m.year, month: m.month, dead: m.dead, missing: m.missing,
  } satisfies Record<Column, number>
  if (col.coordinates < 0 && (col.lat < 0 || col.lng < 0)) throw new Error('IOM CSV: no "Coordinates" column')
  if (col.date < 0 && col.year < 0) throw new Error('IOM CSV: no date column ("Incident Date", "Reported Date" or "Incident year")')
  const lngFirst = resolved.order === 'lnglat'
  const rowId = contentIds('mmp-')
  return (cells, line) => {
    const get = (c: Column) => (col[c] >= 0 ? (cells[col[c]] ?? '').trim() : '')
    const field = { name: col.coordinates >= 0 ? header[col.coordinates] : header[col.lat] }
    try {
      // a whole-number coordinate ("35.8793, -5") is a truncated value
      let raw: [number, number]
      let parts: string[]
      if (col.coordinates >= 0) {
        raw = coordinateString(get('coordinates'), lngFirst)
        parts = get('coordinates').split(/[,;\s]+/).filter((p) => p !== '')
      } else {
        parts = [get('lat'), get('lng')]
        const [la, lo] = parts.map(parseNumber)
        if (la === null || lo === null) throw new FieldError('no coordinates')
        raw = [lo, la]
      }
      const [lng, lat] = checkLngLat(raw[0], raw[1])
      const truncated = parts.some((p) => !p.includes('.'))

      field.name = col.date >= 0 ? header[col.date] : header[col.year]
      const { date, precision } =
        col.date >= 0 && (get('date') !== '' || col.year < 0) ? parseDate(get('date'), resolved.dateOrder) : yearMonth(get('year'), get('month'), header[col.month] ?? 'Month')

      // a few rows carry negative counts ("-1"): a data-entry error, read as unknown and noted
      const negative: Record<string, number> = {}
      const count = (c: Column) => {
        field.name = header[col[c]] ?? c
        if (col[c] < 0) return null
        if (/^-\d+$/.test(get(c))) {
          negative[header[col[c]]] = Number(get(c))
          return null
        }
        return parseCount(get(c))
      }
      const dead = count('dead')
      const missing = count('missing')
      const deadMissing = count('deadMissing')
      const survivors = count('survivors')
      const females = count('females')
      const males = count('males')
      const children = count('children')

      const type = get('type')
      const route = get('route')
      const attrs: Record<string, unknown> = { incident_type: type || null }
      if (/split|cumulative/i.test(type)) attrs.may_double_count = true
      if (truncated) attrs.coordinates_truncated = true
      if (Object.keys(negative).length > 0) attrs.negative_counts_dropped = negative
      for (const [key, c] of [
        ['cause_of_death', 'cause'],
        ['location', 'location'],
        ['country_of_incident', 'countryOfIncident'],
        ['region_of_incident', 'regionOfIncident'],
        ['country_of_origin', 'countryOfOrigin'],
        ['information_source', 'source'],
        ['url', 'url'],
        ['source_quality', 'quality'],
      ] as const) {
        if (get(c) !== '') attrs[key] = get(c)
      }
      if (females !== null) attrs.females = females
      if (males !== null) attrs.males = males
      if (children !== null) attrs.children = children
      const incident: ParsedIncident = {
        line,
        sourceId: get('incidentId') || get('mainId') || rowId(cells),
        lng,
        lat,
        date,
        datePrecision: precision,
        threat: 'migration_trafficking',
        geoPrecision: truncated ? 3 : 1,
        dead,
        missing,
        deadMissing: deadMissing ?? (dead !== null || missing !== null ? (dead ?? 0) + (missing ?? 0) : null),
        survivors,
        quantity: null,
        route: route || null,
        routeFamily: iomRouteFamily(route),
        attrs,
      }
      return incident
    } catch (err) {
      if (!(err instanceof FieldError)) throw err
      return { line, field: err.field ?? field.name, reason: err.message }
    }
  }
}

