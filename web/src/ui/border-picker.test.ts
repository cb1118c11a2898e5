import { describe, expect, it } from 'vitest'
import type { BorderCollection } from '../api.ts'
import { borderOptions } from './border-picker.ts'

const border = (a: string, b: string, lengthKm: number): BorderCollection['features'][number] => ({
  type: 'Feature',
  geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] },
  properties: { a_iso3: a, b_iso3: b, length_km: lengthKm },
})
const names: Record<string, string> = { LBY: 'Libya', NER: 'Niger', DZA: 'Algeria', TCD: 'Chad' }
const nameOf = (iso3: string) => names[iso3]

describe('borderOptions', () => {
  it('labels each border with its two country names, sorted by label', () => {
    const options = borderOptions({ type: 'FeatureCollection', features: [border('LBY', 'NER', 354), border('DZA', 'NER', 951), border('LBY', 'TCD', 1050)] }, nameOf)
    expect(options.map((o) => [o.value, o.label])).toEqual([
      ['DZA|NER', 'Algeria – Niger'],
      ['LBY|TCD', 'Chad – Libya'],
      ['LBY|NER', 'Libya – Niger'],
    ])
  })

  it('merges the parts of one border and adds up their lengths', () => {
    const options = borderOptions({ type: 'FeatureCollection', features: [border('LBY', 'NER', 300), border('NER', 'LBY', 54)] }, nameOf)
    expect(options).toEqual([{ value: 'LBY|NER', label: 'Libya – Niger', names: ['Libya', 'Niger'], a: 'LBY', b: 'NER', lengthKm: 354 }])
  })

  it('shows the ISO3 code of a country it cannot name', () => {
    const [option] = borderOptions({ type: 'FeatureCollection', features: [border('NER', 'XNK', 10)] }, nameOf)
    expect(option.label).toBe('Niger – XNK')
  })
})
