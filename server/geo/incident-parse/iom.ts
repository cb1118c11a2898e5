// IOM Missing Migrants Project CSV, in every schema listed in shared/data/README.md: the public
// mirror (year + month, no id), the dated cut (Reported Date) and the current official export
// (Main ID, Incident ID, Incident Date, ...). Quirks handled here:
//   - Coordinates is one string "lat, lon", latitude first;
//   - a longitude or latitude written as a whole number ("35.8793, -5") is a truncated value:
//     kept, flagged geo_precision 3 and attrs.coordinates_truncated;
//   - rows without coordinates are rejected with that reason;
//   - counts may carry thousands separators ("1,022"); a negative count ("-1", 9 rows of the
//     mirror) is read as unknown and kept in attrs.negative_counts_dropped;
//   - "Split Incident" and "Cumulative Incident" rows can double-count: kept, flagged
//     attrs.may_double_count (sum metrics include them; analysts can filter them out);
//   - month-only dates are month precision; the BOM is stripped by the CSV reader.
import { contentIds, checkLngLat, FieldError, findColumn, monthNumber, parseCount, parseDate } from './fields.ts'
import { iomRouteFamily } from './route-family.ts'
import type { ParsedIncident, RowMapper } from './types.ts'

export const IOM_DATASET = 'iom-mmp'
export const IOM_CREDIT = "IOM's Missing Migrants Project"

const COLUMNS = {
  mainId: ['Main ID'],
  incidentId: ['Incident ID'],
  type: ['Incident Type'],
  date: ['Incident Date', 'Reported Date'],
  year: ['Incident year', 'Incident Year', 'Reported Year'],
  month: ['Reported Month', 'Month'],
  dead: ['Number of Dead'],
  missing: ['Minimum Estimated Number of Missing'],
  deadMissing: ['Total Number of Dead and Missing', 'Total Dead and Missing'],
  survivors: ['Number of Survivors'],
  females: ['Number of Females'],
  males: ['Number of Males'],
  children: ['Number of Children'],
  cause: ['Cause of Death'],
  route: ['Migration route', 'Migration Route'],
  location: ['Location of death', 'Location of Incident'],
  countryOfIncident: ['Country of Incident'],
  regionOfIncident: ['Region of Incident'],
  countryOfOrigin: ['Country of Origin'],
  source: ['Information Source'],
  url: ['URL'],
  quality: ['Source Quality'],
  coordinates: ['Coordinates'],
} as const

type Column = keyof typeof COLUMNS

/** Whether a CSV header looks like an IOM Missing Migrants export. */
export function isIomHeader(header: readonly string[]): boolean {
  return findColumn(header, COLUMNS.coordinates) >= 0 && findColumn(header, COLUMNS.deadMissing) >= 0
}

/** A row mapper for an IOM CSV with this header; throws when a needed column is missing. */
export function iomMapper(header: readonly string[]): RowMapper {
  const col = Object.fromEntries(Object.entries(COLUMNS).map(([k, names]) => [k, findColumn(header, names)])) as Record<Column, number>
  if (col.coordinates < 0) throw new Error('IOM CSV: no "Coordinates" column')
  if (col.date < 0 && col.year < 0) throw new Error('IOM CSV: no date column ("Incident Date", "Reported Date" or "Incident year")')
  const rowId = contentIds('mmp-')
  return (cells, line) => {
    const get = (c: Column) => (col[c] >= 0 ? (cells[col[c]] ?? '').trim() : '')
    const field = { name: 'Coordinates' }
    try {
      const coords = get('coordinates')
      if (coords === '') throw new FieldError('no coordinates')
      const parts = coords.split(',').map((p) => p.trim())
      if (parts.length !== 2 || parts.some((p) => p === '' || !Number.isFinite(Number(p)))) throw new FieldError(`expected "lat, lon", got "${coords}"`)
      const [lng, lat] = checkLngLat(Number(parts[1]), Number(parts[0]))
      const truncated = parts.some((p) => !p.includes('.'))

      field.name = col.date >= 0 ? header[col.date] : header[col.year]
      const { date, precision } = col.date >= 0 && get('date') !== '' ? parseDate(get('date')) : yearMonth(get('year'), get('month'), header[col.month] ?? 'Month')

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

function yearMonth(yearText: string, monthText: string, monthField: string): { date: string; precision: 'month' | 'year' } {
  const year = Number(yearText)
  if (!Number.isInteger(year) || year < 1900 || year > 2100) throw new FieldError(`not a year: "${yearText}"`)
  if (monthText === '') return { date: `${year}-01-01`, precision: 'year' }
  const month = monthNumber(monthText)
  if (month === 0) throw new FieldError(`not a month: "${monthText}"`, monthField)
  return { date: `${year}-${String(month).padStart(2, '0')}-01`, precision: 'month' }
}
