import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { area, booleanPointInPolygon } from '@turf/turf'
import { describe, expect, it } from 'vitest'
import type { Position } from 'geojson'
import type { Topology } from 'topojson-specification'
import { countryFeatures, type CountryRecord } from './countries.ts'
import { longestEdgeDeg } from './densify.ts'
import { computeZone, SAHEL_SAHARA_ZONE } from './zone.ts'

const require = createRequire(import.meta.url)
const topology = require('world-atlas/countries-10m.json') as Topology
const countries = JSON.parse(readFileSync(new URL('../../geodata/countries.json', import.meta.url), 'utf8')) as CountryRecord[]
const land = countryFeatures(topology, countries)
const zone = computeZone(land)

describe('computeZone', () => {
  it('covers about 4 million km² (within 10%)', () => {
    expect(zone.properties.area_km2).toBeGreaterThan(3_600_000)
    expect(zone.properties.area_km2).toBeLessThan(4_400_000)
  })

  it('contains Agadez, Faya-Largeau and Tamanrasset but not Tripoli or Dakar', () => {
    expect(booleanPointInPolygon([7.99111, 16.97333], zone)).toBe(true)
    expect(booleanPointInPolygon([19.10428, 17.9257], zone)).toBe(true)
    expect(booleanPointInPolygon([5.52278, 22.785], zone)).toBe(true)
    expect(booleanPointInPolygon([13.18733, 32.88743], zone)).toBe(false)
    expect(booleanPointInPolygon([-17.44406, 14.6937], zone)).toBe(false)
  })

  it('is densified: no edge longer than 0.1°, the Tropic of Cancer edge cut into 0.1° steps along 23.44°N', () => {
    expect(longestEdgeDeg(zone.geometry)).toBeLessThanOrEqual(0.1 + 1e-9)
    const g = zone.geometry
    const rings: Position[][] = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()
    const onTropic = rings.flat().filter((p) => p[1] === 23.44)
    // the edge runs from 27°E to about 12.05°W: 39° → at least 390 vertices on the parallel
    expect(onTropic.length).toBeGreaterThan(390)
  })

  it('keeps the spherical area of the undensified shape (4,128,708 km² with world-atlas 10m)', () => {
    expect(Math.abs(zone.properties.area_km2 - 4_128_708)).toBeLessThanOrEqual(2)
    expect(zone.properties.area_km2).toBe(Math.round(area(zone.geometry) / 1e6))
  })

  it('states its definition with the window', () => {
    expect(zone.properties.definition).toContain('between latitudes 15°N and 23.44°N')
  })

  it('fails on a country that is not among the features', () => {
    expect(() => computeZone(land, { ...SAHEL_SAHARA_ZONE, iso3: ['XXX'] })).toThrow(
      'zone country XXX is missing from the country features',
    )
  })
})
