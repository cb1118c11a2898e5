import { describe, expect, it } from 'vitest'
import { acledMapper, acledThreat, isAcledHeader } from './acled.ts'
import { isRejection } from './types.ts'

const HEADER = 'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp'.split(',')
const row = (over: Record<string, string>) =>
  HEADER.map((h) => over[h] ?? { event_id_cnty: 'NIG1234', event_date: '2022-01-31', time_precision: '1', event_type: 'Battles', sub_event_type: 'Armed clash', inter1: '1', inter2: '2', country: 'Niger', latitude: '14.2', longitude: '1.45', geo_precision: '2', fatalities: '4' }[h] ?? '')

describe('ACLED CSV', () => {
  const map = acledMapper(HEADER)

  it('recognises the 31-column header', () => {
    expect(isAcledHeader(HEADER)).toBe(true)
  })

  it('reads an event with its id, point, geo_precision and fatalities', () => {
    const i = map(row({}), 2)
    if (isRejection(i)) throw new Error(i.reason)
    expect([i.sourceId, i.lng, i.lat, i.geoPrecision, i.dead, i.date, i.threat]).toEqual(['NIG1234', 1.45, 14.2, 2, 4, '2022-01-31', 'cross_border_terrorism'])
  })

  it('reads the long date form "31 January 2022"', () => {
    const i = map(row({ event_date: '31 January 2022' }), 2)
    expect(!isRejection(i) && i.date).toBe('2022-01-31')
  })

  it('maps event types to threat categories', () => {
    expect(acledThreat('Battles', 'Armed clash', '1', '8')).toBe('foreign_armed_groups')
    expect(acledThreat('Violence against civilians', 'Attack', 'Rebel group', 'Civilians')).toBe('cross_border_terrorism')
    expect(acledThreat('Strategic developments', 'Disrupted weapons use', '1', '')).toBe('arms_proliferation')
    expect(acledThreat('Protests', 'Peaceful protest', '6', '')).toBe('unclassified')
  })

  it.each([
    ['Battles', 'Government regains territory', 'cross_border_terrorism'],
    ['Explosions/Remote violence', 'Remote explosive/landmine/IED', 'cross_border_terrorism'],
    ['Violence against civilians', 'Abduction/forced disappearance', 'cross_border_terrorism'],
    ['Strategic developments', 'Headquarters or base established', 'cross_border_terrorism'],
    ['Strategic developments', 'Non-violent transfer of territory', 'cross_border_terrorism'],
    ['Strategic developments', 'Looting/property destruction', 'unclassified'],
    ['Strategic developments', 'Arrests', 'unclassified'],
    ['Strategic developments', 'Agreement', 'unclassified'],
    ['Riots', 'Mob violence', 'unclassified'],
    ['Protests', 'Excessive force against protesters', 'unclassified'],
  ])('maps %s / %s to %s', (type, sub, threat) => {
    expect(acledThreat(type, sub, '3', '')).toBe(threat)
  })

  it('keeps an event that maps to no threat as unclassified, or as the default threat when one is given', () => {
    expect(map(row({ event_type: 'Protests', sub_event_type: 'Peaceful protest' }), 7)).toMatchObject({ line: 7, threat: 'unclassified', attrs: { event_type: 'Protests' } })
    expect(acledMapper(HEADER, { threat: 'identity_fraud' })(row({ event_type: 'Riots', sub_event_type: 'Mob violence' }), 8)).toMatchObject({ threat: 'identity_fraud' })
  })

  it('rejects a longitude out of range, naming longitude', () => {
    const r = map(row({ longitude: '190' }), 8)
    expect(isRejection(r) && r.field).toBe('longitude')
  })

  it('refuses a file without the required columns', () => {
    expect(() => acledMapper(['event_id_cnty', 'latitude'])).toThrow('ACLED CSV: missing columns event_date, event_type, longitude')
  })
})
