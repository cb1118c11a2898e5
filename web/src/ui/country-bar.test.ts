import { describe, expect, it } from 'vitest'
import type { CountryLength } from '../api.ts'
import { COUNTRY_BAR_COLOURS, SEA_BAR_COLOUR, countryBarSegments, formatShare } from './country-bar.ts'

// cmr-agadez-sabha-tripoli as the service analyses it
const countries: CountryLength[] = [
  { iso3: 'LBY', name: 'Libya', km: 1166, share: 0.5155 },
  { iso3: 'NER', name: 'Niger', km: 1000.7, share: 0.4424 },
  { iso3: null, name: 'outside any country (sea)', km: 95.1, share: 0.042 },
]
const names: Record<string, string> = { LBY: 'Libye', NER: 'Niger' }
const nameOf = (iso3: string) => names[iso3]

describe('countryBarSegments', () => {
  it('gives one segment per country, sea included, in the order given', () => {
    const segments = countryBarSegments(countries, nameOf, 'Sea')
    expect(segments.map((s) => [s.key, s.label, s.km])).toEqual([
      ['LBY', 'Libye', 1166],
      ['NER', 'Niger', 1000.7],
      ['sea', 'Sea', 95.1],
    ])
  })

  it('scales widths to fill the bar when the rounded shares do not sum to one', () => {
    const segments = countryBarSegments(countries, nameOf, 'Sea')
    const total = segments.reduce((sum, s) => sum + s.widthPercent, 0)
    expect(total).toBeCloseTo(100, 9)
    expect(segments[0].widthPercent).toBeCloseTo((0.5155 / 0.9999) * 100, 6)
  })

  it('colours countries in turn and the sea in the sea tone', () => {
    const segments = countryBarSegments(countries, nameOf, 'Sea')
    expect(segments.map((s) => s.colour)).toEqual([COUNTRY_BAR_COLOURS[0], COUNTRY_BAR_COLOURS[1], SEA_BAR_COLOUR])
    expect(segments.map((s) => s.isSea)).toEqual([false, false, true])
  })

  it('falls back to the service name for a country it cannot name', () => {
    const [segment] = countryBarSegments([{ iso3: 'TCD', name: 'Chad', km: 10, share: 1 }], nameOf, 'Sea')
    expect(segment.label).toBe('Chad')
  })

  it('leaves out countries with no length', () => {
    const segments = countryBarSegments([...countries, { iso3: 'DZA', name: 'Algeria', km: 0, share: 0 }], nameOf, 'Sea')
    expect(segments.map((s) => s.key)).toEqual(['LBY', 'NER', 'sea'])
  })
})

describe('formatShare', () => {
  it('shows whole percentages from ten percent and one decimal below', () => {
    expect(formatShare(0.5155, 'en')).toBe('52%')
    expect(formatShare(0.042, 'en')).toBe('4.2%')
  })
})
