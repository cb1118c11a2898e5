// ACLED event exports: the 31 standard columns and the older export (data_id, event_id_no_cnty,
// iso3); extra columns are ignored. Dates come as 2022-01-31 or 31 January 2022. Every event
// type and sub-event type maps to a threat category (table below and in docs/importing.md);
// an event type ACLED adds later is kept as `unclassified` (or the import's default threat).
import { checkLngLat, FieldError, findColumn, parseCount, parseDate, parseNumber } from './fields.ts'
import { resolveMapping, type ResolvedMapping } from './mapping.ts'
import type { ParseOptions, ParsedIncident, RowMapper } from './types.ts'

export const ACLED_DATASET = 'acled'
export const ACLED_CREDIT = 'Armed Conflict Location & Event Data Project (ACLED); www.acleddata.com'

const OPTIONAL = ['sub_event_type', 'time_precision', 'disorder_type', 'actor1', 'actor2', 'inter1', 'inter2', 'country', 'admin1', 'admin2', 'location', 'geo_precision', 'source', 'notes', 'civilian_targeting', 'tags'] as const

/** Whether a CSV header is one of the known ACLED schemas. */
export function isAcledHeader(header: readonly string[]): boolean {
  return resolveMapping(header, []).format === 'acled'
}

/** ACLED inter codes (numeric in older exports, labels in newer ones) naming foreign forces. */
function isExternalForce(inter: string): boolean {
  return inter.trim() === '8' || /external|other forces/i.test(inter)
}

/** Strategic-development sub-events that are armed groups' moves, read like battles. */
const ARMED_MOVES = new Set(['headquarters or base established', 'non-violent transfer of territory'])

/**
 * The threat category of an ACLED event (every type and sub-type maps):
 *   sub-event Disrupted weapons use (Strategic developments)                 → arms_proliferation
 *   Battles, Explosions/Remote violence, Violence against civilians, and the
 *   strategic moves "Headquarters or base established", "Non-violent transfer
 *   of territory":  with an external/other force (inter 8) as an actor     → foreign_armed_groups
 *                   otherwise                                              → cross_border_terrorism
 *   Protests, Riots, other Strategic developments (Agreement, Arrests, Change
 *   to group/activity, Looting/property destruction, Other), unknown types   → unclassified
 */
export function acledThreat(eventType: string, subEventType: string, inter1: string, inter2: string): string {
  const type = eventType.trim().toLowerCase()
  const sub = subEventType.trim().toLowerCase()
  if (sub === 'disrupted weapons use') return 'arms_proliferation'
  if (type === 'battles' || type === 'explosions/remote violence' || type === 'violence against civilians' || (type === 'strategic developments' && ARMED_MOVES.has(sub))) {
    return isExternalForce(inter1) || isExternalForce(inter2) ? 'foreign_armed_groups' : 'cross_border_terrorism'
  }
  return 'unclassified'
}

/** A row mapper for an ACLED CSV with this header; throws when a required column is missing. */
export function acledMapper(header: readonly string[], options: ParseOptions = {}, resolved: ResolvedMapping = resolveMapping(header, [], options.mapping, 'acled')): RowMapper {
  const m = resolved.columns
  const core = { event_id_cnty: m.id, event_date: m.date, event_type: m.category, latitude: m.lat, longitude: m.lng, fatalities: m.dead }
  const missing = Object.entries(core).filter(([c, i]) => i < 0 && c !== 'fatalities').map(([c]) => c)
  if (missing.length > 0) throw new Error(`ACLED CSV: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`)
  const col = { ...Object.fromEntries(OPTIONAL.map((c) => [c, findColumn(header, [c])])), ...core } as Record<string, number>
  return (cells, line) => {
    const get = (c: string) => (col[c] >= 0 ? (cells[col[c]] ?? '').trim() : '')
    let field = 'latitude'
    try {
      const latitude = parseNumber(get('latitude'))
      field = 'longitude'
      const [lng, lat] = checkLngLat(parseNumber(get('longitude')), latitude)
      field = 'event_date'
      const { date } = parseDate(get('event_date'), resolved.dateOrder)
      field = 'event_type'
      const mapped = acledThreat(get('event_type'), get('sub_event_type'), get('inter1'), get('inter2'))
      const threat = mapped === 'unclassified' ? (options.threat ?? mapped) : mapped
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
