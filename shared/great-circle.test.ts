import { distance } from '@turf/turf'
import { describe, expect, it } from 'vitest'
import { densifyGreatCircle, distanceKm, interpolate, polylineKm } from './great-circle.ts'

const AGADEZ = [7.99111, 16.97333]
const SABHA = [14.42832, 27.03766]

describe('distanceKm', () => {
  it('measures Agadez to Sabha as 1,300 km, as Turf does', () => {
    expect(distanceKm(AGADEZ, SABHA)).toBeCloseTo(1300.4, 1)
    expect(distanceKm(AGADEZ, SABHA)).toBeCloseTo(distance(AGADEZ, SABHA, { units: 'kilometers' }), 6)
  })

  it('measures one degree of latitude as about 111.2 km', () => {
    expect(distanceKm([0, 0], [0, 1])).toBeCloseTo(111.19, 1)
  })
})

describe('interpolate', () => {
  it('bows a long east-west leg poleward of the straight line', () => {
    const mid = interpolate([-17, 21], [25, 21], 0.5)
    expect(mid[0]).toBeCloseTo(4, 5)
    // 42° of longitude along 21°N: the great circle peaks about 1.35° north of the parallel.
    expect(mid[1]).toBeCloseTo(22.35, 2)
  })
})

describe('densifyGreatCircle', () => {
  const line = densifyGreatCircle([AGADEZ, [12.88333, 18.98333], SABHA], 25)

  it('keeps every input vertex exactly', () => {
    expect(line[0]).toEqual(AGADEZ)
    expect(line).toContainEqual([12.88333, 18.98333])
    expect(line[line.length - 1]).toEqual(SABHA)
  })

  it('leaves no segment longer than 25 km', () => {
    const longest = Math.max(...line.slice(1).map((p, i) => distanceKm(line[i], p)))
    expect(longest).toBeLessThanOrEqual(25)
    expect(longest).toBeGreaterThan(20)
  })

  it('does not change the length of the path', () => {
    const direct = polylineKm([AGADEZ, [12.88333, 18.98333], SABHA])
    expect(polylineKm(line)).toBeCloseTo(direct, 6)
  })

  it('rejects a non-positive step', () => {
    expect(() => densifyGreatCircle([AGADEZ, SABHA], 0)).toThrow('stepKm must be positive, got 0')
  })
})
