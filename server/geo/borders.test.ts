import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import type { Topology } from 'topojson-specification'
import { extractBorders } from './borders.ts'
import type { CountryRecord } from './countries.ts'
import { MEMBER_STATES } from '../../shared/vocabulary.ts'

const require = createRequire(import.meta.url)
const topology = require('world-atlas/countries-10m.json') as Topology
const countries = JSON.parse(readFileSync(new URL('../../geodata/countries.json', import.meta.url), 'utf8')) as CountryRecord[]
const borders = extractBorders(topology, countries)
const lengthKm = (a: string, b: string) => borders.find((f) => f.id === `${a}-${b}`)?.properties.length_km

describe('extractBorders on world-atlas 1:10m', () => {
  // CIA World Factbook land boundaries, km; the 1:10m lines come within 10%.
  it.each([
    ['LBY', 'NER', 342],
    ['DZA', 'LBY', 989],
    ['EGY', 'SDN', 1276],
    ['LBY', 'TCD', 1050],
    ['DZA', 'NER', 951],
  ])('measures %s–%s near the Factbook %d km', (a, b, km) => {
    expect(lengthKm(a, b)).toBeGreaterThan(km * 0.9)
    expect(lengthKm(a, b)).toBeLessThan(km * 1.1)
  })

  it('orders each pair alphabetically and keeps only pairs with a member state', () => {
    const members: readonly string[] = MEMBER_STATES
    for (const f of borders) {
      expect(f.properties.a_iso3 < f.properties.b_iso3).toBe(true)
      expect(members.includes(f.properties.a_iso3) || members.includes(f.properties.b_iso3)).toBe(true)
    }
  })

  it('finds no border between countries that do not touch', () => {
    expect(lengthKm('EGY', 'TCD')).toBeUndefined()
    expect(lengthKm('MAR', 'TUN')).toBeUndefined()
  })

  it('finds every land neighbour of Niger', () => {
    const ner = borders.filter((f) => f.properties.a_iso3 === 'NER' || f.properties.b_iso3 === 'NER').map((f) => f.id)
    expect(ner).toEqual(['BEN-NER', 'BFA-NER', 'DZA-NER', 'LBY-NER', 'MLI-NER', 'NER-NGA', 'NER-TCD'])
  })
})
