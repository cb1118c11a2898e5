import { describe, expect, it } from 'vitest'
import { countryLabelPoints, poleOfInaccessibility } from './label-point.ts'

const square = [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]]
// An L: the 10x10 square with its top-right 6x6 quarter cut away.
const ell = [[[0, 0], [10, 0], [10, 4], [4, 4], [4, 10], [0, 10], [0, 0]]]

describe('poleOfInaccessibility', () => {
  it('finds the centre of a square', () => {
    const [x, y] = poleOfInaccessibility(square, 0.01)
    expect(x).toBeCloseTo(5, 1)
    expect(y).toBeCloseTo(5, 1)
  })

  it('stays inside a concave shape whose centroid falls outside it', () => {
    const [x, y] = poleOfInaccessibility(ell, 0.01)
    expect(x < 4 || y < 4).toBe(true)
  })

  it('rejects a ring too short to be a polygon', () => {
    expect(() => poleOfInaccessibility([[[0, 0], [1, 1], [0, 0]]])).toThrow('a polygon needs a ring of at least 4 positions, got 3')
  })
})

describe('countryLabelPoints', () => {
  it('labels a country once, inside its largest polygon, not its islands', () => {
    const island = [[[20, 20], [21, 20], [21, 21], [20, 21], [20, 20]]]
    const labels = countryLabelPoints({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', id: 'TUN', properties: { iso3: 'TUN' }, geometry: { type: 'MultiPolygon', coordinates: [island, square] } }],
    })
    expect(labels.features).toHaveLength(1)
    expect(labels.features[0].properties).toEqual({ iso3: 'TUN' })
    const [x, y] = labels.features[0].geometry.coordinates
    expect(x).toBeGreaterThan(0); expect(x).toBeLessThan(10)
    expect(y).toBeGreaterThan(0); expect(y).toBeLessThan(10)
  })
})
