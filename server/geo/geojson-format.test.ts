import { describe, expect, it } from 'vitest'
import { formatFeatureCollection, roundGeometry, roundTo } from './geojson-format.ts'

describe('roundTo', () => {
  it('rounds to 5 decimals and never returns -0', () => {
    expect(roundTo(12.8833333, 5)).toBe(12.88333)
    expect(Object.is(roundTo(-0.000001, 5), 0)).toBe(true)
  })
})

describe('roundGeometry', () => {
  it('rounds every position of a multipolygon', () => {
    const g = roundGeometry({ type: 'MultiPolygon', coordinates: [[[[1.123456, 2.987654], [3, 4], [1.123456, 2.987654]]]] })
    expect(g.coordinates[0][0][0]).toEqual([1.12346, 2.98765])
  })
})

describe('formatFeatureCollection', () => {
  it('writes the same bytes for the same input, one feature per line', () => {
    const fc = {
      type: 'FeatureCollection' as const,
      features: [{ type: 'Feature' as const, properties: { a: 1 }, geometry: { type: 'Point' as const, coordinates: [7.991111, 16.973333] } }],
    }
    const text = formatFeatureCollection(fc)
    expect(text).toBe(formatFeatureCollection(structuredClone(fc)))
    expect(text).toBe('{"type":"FeatureCollection","features":[\n{"type":"Feature","properties":{"a":1},"geometry":{"type":"Point","coordinates":[7.99111,16.97333]}}\n]}\n')
  })
})
