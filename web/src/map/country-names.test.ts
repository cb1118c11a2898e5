import { describe, expect, it } from 'vitest'
import type { CountryCollection } from '../api.ts'
import { countryNameLookup } from './country-names.ts'

const countries: CountryCollection = {
  type: 'FeatureCollection',
  features: [{
    type: 'Feature',
    properties: { iso3: 'NER', iso2: 'NE', name_en: 'Niger', name_fr: 'Niger', name_ar: 'النيجر', member: true },
    geometry: { type: 'Polygon', coordinates: [[[0, 10], [15, 10], [15, 23], [0, 23], [0, 10]]] },
  }],
}

describe('countryNameLookup', () => {
  it('names a country by its ISO3 code in the locale', () => {
    expect(countryNameLookup(countries, 'en')('NER')).toBe('Niger')
  })

  it('knows nothing of a code outside the basemap', () => {
    expect(countryNameLookup(countries, 'en')('ESP')).toBeUndefined()
  })
})
