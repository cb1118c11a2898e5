import { describe, expect, it } from 'vitest'
import { degreeMargin, locateAlong, partLengthsKm } from './along.ts'

// one degree of longitude on the equator is 111.195 km on Turf's sphere (R = 6371.0088 km)
const DEG_KM = 111.195

describe('locateAlong', () => {
  it('measures km from the start of a line to the foot of the point', () => {
    const r = locateAlong([[[0, 0], [2, 0]]], [1.5, 0.1])
    expect(r.alongKm).toBeCloseTo(1.5 * DEG_KM, 1)
    expect(r.distanceKm).toBeCloseTo(0.1 * DEG_KM, 1)
    expect(r.nearest[0]).toBeCloseTo(1.5, 6)
  })

  it('adds the length of earlier parts of a MultiLineString', () => {
    const r = locateAlong([[[0, 0], [1, 0]], [[5, 0], [6, 0]]], [5.5, 0])
    expect(r.alongKm).toBeCloseTo(1.5 * DEG_KM, 1)
  })

  it('gives the part lengths in km', () => {
    expect(partLengthsKm([[[0, 0], [1, 0]]])[0]).toBeCloseTo(DEG_KM, 1)
  })
})

describe('degreeMargin', () => {
  it('covers the radius at the given latitude', () => {
    const deg = degreeMargin(25, 60)
    // at 60°N a degree of longitude is about 55.8 km: 25 km needs about 0.45°
    expect(deg).toBeGreaterThan(25 / 55.8)
    expect(deg).toBeLessThan(0.47)
  })
})

describe('locateAlong against Turf', () => {
  it('agrees with Turf nearestPointOnLine within 0.2 km on a 25 km-segment desert route', async () => {
    const { lineString, nearestPointOnLine, point } = await import('@turf/turf')
    // Agadez to Sabha in 25 km steps with a wiggle, and points up to 20 km off it
    const line = Array.from({ length: 60 }, (_, i) => [7.99 + i * 0.11, 16.97 + i * 0.17 + 0.03 * Math.sin(i)])
    for (const at of [[9, 18.5], [11.5, 22], [13.8, 26.5]]) {
      const ours = locateAlong([line], at)
      const turf = nearestPointOnLine(lineString(line), point(at), { units: 'kilometers' })
      expect(Math.abs(ours.alongKm - turf.properties.location)).toBeLessThan(0.2)
      expect(Math.abs(ours.distanceKm - turf.properties.dist)).toBeLessThan(0.2)
    }
  })
})
