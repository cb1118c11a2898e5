import { describe, expect, it } from 'vitest'
import { graticule } from './graticule.ts'

describe('graticule', () => {
  it('draws a meridian and a parallel at every step inside the box', () => {
    const lines = graticule([-20, 0, 40, 30], 10)
    const meridians = lines.features.filter((f) => f.properties.kind === 'meridian').map((f) => f.properties.valueDeg)
    const parallels = lines.features.filter((f) => f.properties.kind === 'parallel').map((f) => f.properties.valueDeg)
    expect(meridians).toEqual([-20, -10, 0, 10, 20, 30, 40])
    expect(parallels).toEqual([0, 10, 20, 30])
  })

  it('spans each line across the whole box', () => {
    const lines = graticule([-18, 8, 38, 36], 5)
    const equatorial = lines.features.find((f) => f.properties.kind === 'parallel' && f.properties.valueDeg === 10)
    expect(equatorial?.geometry.coordinates).toEqual([[-18, 10], [38, 10]])
  })

  it('rejects a step that is not positive', () => {
    expect(() => graticule([-20, 0, 40, 30], 0)).toThrow('stepDeg must be positive, got 0')
  })
})
