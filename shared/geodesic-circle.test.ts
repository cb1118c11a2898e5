import { describe, expect, it } from 'vitest'
import { distanceKm } from './great-circle.ts'
import { destination, geodesicCircle } from './geodesic-circle.ts'

describe('destination', () => {
  it('goes 111.195 km due north for one degree of latitude', () => {
    const [lng, lat] = destination([13, 20], 0, 111.19508)
    expect(lng).toBeCloseTo(13, 9)
    expect(lat).toBeCloseTo(21, 4)
  })

  it('lands at the asked distance on any bearing', () => {
    for (const bearing of [0, 45, 90, 200, 315]) expect(distanceKm([14, 22.5], destination([14, 22.5], bearing, 80))).toBeCloseTo(80, 6)
  })
})

describe('geodesicCircle', () => {
  it('has 64 vertices, all 80 km from the centre, closed', () => {
    const ring = geodesicCircle([12, 30], 80).coordinates[0]
    expect(ring).toHaveLength(65)
    expect(ring[64]).toEqual(ring[0])
    for (const p of ring) expect(Math.abs(distanceKm([12, 30], p) - 80)).toBeLessThan(0.001)
  })

  it('is wider in degrees of longitude at 30°N than at 20°N for the same km', () => {
    const width = (lat: number) => {
      const ring = geodesicCircle([0, lat], 80).coordinates[0]
      return Math.max(...ring.map((p) => p[0])) - Math.min(...ring.map((p) => p[0]))
    }
    expect(width(30) / width(20)).toBeCloseTo(Math.cos((20 * Math.PI) / 180) / Math.cos((30 * Math.PI) / 180), 2)
  })

  it('runs counter-clockwise (positive shoelace area)', () => {
    const ring = geodesicCircle([5, 15], 50).coordinates[0]
    let twice = 0
    for (let i = 1; i < ring.length; i++) twice += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1]
    expect(twice).toBeGreaterThan(0)
  })

  it('rejects a non-positive radius with the value in the message', () => {
    expect(() => geodesicCircle([0, 0], 0)).toThrow('radiusKm must be positive, got 0')
  })
})
