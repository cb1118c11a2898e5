import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { booleanClockwise } from '@turf/turf'
import { describe, expect, it } from 'vitest'
import type { Topology } from 'topojson-specification'
import { countryFeatures, type CountryRecord } from './countries.ts'
import { MEMBER_STATES } from '../../shared/vocabulary.ts'
import { areaKm2 } from './zone.ts'

const require = createRequire(import.meta.url)
const topology = require('world-atlas/countries-10m.json') as Topology
const countries = JSON.parse(readFileSync(new URL('../../geodata/countries.json', import.meta.url), 'utf8')) as CountryRecord[]
const land = countryFeatures(topology, countries)
const country = (iso3: string) => land.find((f) => f.properties.iso3 === iso3)

describe('countryFeatures', () => {
  it('finds a 10m polygon for every catalogued country', () => {
    expect(land.map((f) => f.properties.iso3).sort()).toEqual(countries.map((c) => c.iso3).sort())
  })

  it('flags exactly the ten member states', () => {
    expect(land.filter((f) => f.properties.member).map((f) => f.properties.iso3).sort()).toEqual([...MEMBER_STATES].sort())
  })

  it('winds exterior rings counter-clockwise (RFC 7946)', () => {
    const libya = country('LBY')
    if (libya?.geometry.type !== 'Polygon') throw new Error('Libya should be one polygon')
    expect(booleanClockwise(libya.geometry.coordinates[0])).toBe(false)
  })

  it('gives Algeria an area within 5% of the Factbook 2,381,740 km²', () => {
    const dza = country('DZA')
    if (!dza) throw new Error('no DZA')
    expect(areaKm2(dza.geometry) / 2_381_740).toBeGreaterThan(0.95)
    expect(areaKm2(dza.geometry) / 2_381_740).toBeLessThan(1.05)
  })

  it('matches features without an ISO id by their Natural Earth name', () => {
    expect(country('CYN')?.properties).toMatchObject({ name_en: 'Northern Cyprus', iso2: null, member: false })
  })
})
