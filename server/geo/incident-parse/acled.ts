// ACLED event exports: the 31 standard columns (older exports add data_id, event_id_no_cnty,
// iso3; extra columns are ignored). Dates come as 2022-01-31 or 31 January 2022. Event types map
// to the secretariat's threat categories as below; events that map to none (protests, riots,
// most strategic developments) are rejected with that reason unless a default threat is given.
import { checkLngLat, FieldError, findColumn, parseCount, parseDate, parseNumber } from './fields.ts'
import type { ParseOptions, ParsedIncident, RowMapper } from './types.ts'

export const ACLED_DATASET = 'acled'
export const ACLED_CREDIT = 'Armed Conflict Location & Event Data Project (ACLED); www.acleddata.com'

const REQUIRED = ['event_id_cnty', 'event_date', 'event_type', 'latitude', 'longitude'] as const
const OPTIONAL = ['sub_event_type', 'time_precision', 'disorder_type', 'actor1', 'actor2', 'inter1', 'inter2', 'country', 'admin1', 'admin2', 'location', 'geo_precision', 'fatalities', 'source', 'notes', 'civilian_targeting', 'tags'] as const

/** Whether a CSV header looks like an ACLED export. */
export function isAcledHeader(header: readonly string[]): boolean {
  return REQUIRED.every((c) => findColumn(header, [c]) >= 0)
}

/** ACLED inter codes (numeric in older exports, labels in newer ones) naming foreign forces. */
function isExternalForce(inter: string): boolean {
  return inter.trim() === '8' || /external|other forces/i.test(inter)
}

/**
 * The threat category of an ACLED event, or null:
 *   Strategic developments / Disrupted weapons use          → arms_proliferation
 *   Battles, Explosions/Remote violence, Violence against civilians:
 *     with an external/other force (inter 8) as an actor    → foreign_armed_groups
 *     otherwise                                             → cross_border_terrorism
 */
export function acledThreat(eventType: string, subEventType: string, inter1: string, inter2: string): string | null {
  const type = eventType.trim().toLowerCase()
  if (/disrupted weapons use/i.test(subEventType)) return 'arms_proliferation'
  if (type === 'battles' || type === 'explosions/remote violence' || type === 'violence against civilians') {
    return isExternalForce(inter1) || isExternalForce(inter2) ? 'foreign_armed_groups' : 'cross_border_terrorism'
  }
  return null
}

/** A row mapper for an ACLED CSV with this header; throws when a required column is missing. */
export function acledMapper(header: readonly string[], options: ParseOptions = {}): RowMapper {
  const missing = REQUIRED.filter((c) => findColumn(header, [c]) < 0)
  if (missing.length > 0) throw new Error(`ACLED CSV: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`)
  const col = Object.fromEntries([...REQUIRED, ...OPTIONAL].map((c) => [c, findColumn(header, [c])])) as Record<string, number>
  return (cells, line) => {
    const get = (c: string) => (col[c] >= 0 ? (cells[col[c]] ?? '').trim() : '')
    let field = 'latitude'
    try {
      const latitude = parseNumber(get('latitude'))
      field = 'longitude'
      const [lng, lat] = checkLngLat(parseNumber(get('longitude')), latitude)
      field = 'event_date'
      const { date } = parseDate(get('event_date'))
      field = 'event_type'
      const threat = acledThreat(get('event_type'), get('sub_event_type'), get('inter1'), get('inter2')) ?? options.threat ?? null
      if (threat === null) throw new FieldError(`event type "${get('event_type')}" / "${get('sub_event_type')}" maps to no threat category`)
      field = 'geo_precision'
      const geo = parseCount(get('geo_precision'))
      if (geo !== null && (geo < 1 || geo > 3)) throw new FieldError(`geo_precision must be 1, 2 or 3, got ${geo}`)
      field = 'fatalities'
      const fatalities = parseCount(get('fatalities'))
      field = 'event_id_cnty'
      const id = get('event_id_cnty')
      if (id === '') throw new FieldError('no event id')
      // time_precision 3 means the date stands for its month
      const monthOnly = get('time_precision') === '3'
      const attrs: Record<string, unknown> = {}
      for (const c of ['event_type', 'sub_event_type', 'disorder_type', 'actor1', 'actor2', 'country', 'admin1', 'admin2', 'location', 'source', 'notes', 'civilian_targeting', 'tags', 'time_precision']) {
        if (get(c) !== '') attrs[c] = get(c)
      }
      const incident: ParsedIncident = {
        line,
        sourceId: id,
        lng,
        lat,
        date: monthOnly ? `${date.slice(0, 7)}-01` : date,
        datePrecision: monthOnly ? 'month' : 'day',
        threat,
        geoPrecision: geo as 1 | 2 | 3 | null,
        dead: fatalities,
        missing: null,
        deadMissing: fatalities,
        survivors: null,
        quantity: null,
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
}
