import type { Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import { distanceKm } from '../../../shared/great-circle.ts'
import { mulberry32 } from '../prng.ts'
import { destination } from '../../../shared/geodesic-circle.ts'
import { buildCoverage, coveredWeight, spacedFromExisting, spacingRespected } from './coverage-sets.ts'
import { PointIndex } from './point-index.ts'

/** Demand on rings every 10 km out to 150 km, every 10° of bearing: symmetric in km around centre. */
function polarDemand(centre: Position): Position[] {
  const out: Position[] = []
  for (let km = 10; km <= 150; km += 10) for (let b = 0; b < 360; b += 10) out.push(destination(centre, b, km - 0.001))
  return out
}

describe('buildCoverage', () => {
  it('covers the same km at 20°N and 30°N: 8 rings of 36 cells within 80 km at both', () => {
    for (const lat of [20, 30]) {
      const demand = polarDemand([12, lat])
      const inst = buildCoverage({ candidates: [[12, lat]], demand, weights: demand.map(() => 1), radiusKm: 80 })
      expect(inst.covStart[1]).toBe(8 * 36)
    }
  })

  it('covers more cells of a degree grid at 30°N than at 20°N, as degrees of longitude shrink', () => {
    const count = (lat: number) => {
      const demand: Position[] = []
      for (let x = -2; x <= 2; x += 0.1) for (let y = -2; y <= 2; y += 0.1) demand.push([12 + x, lat + y])
      return buildCoverage({ candidates: [[12, lat]], demand, weights: demand.map(() => 1), radiusKm: 80 }).covStart[1]
    }
    expect(count(30) / count(20)).toBeCloseTo(Math.cos((20 * Math.PI) / 180) / Math.cos((30 * Math.PI) / 180), 1)
  })

  it('lists exactly the demand within the radius (checked against every pair)', () => {
    const random = mulberry32(2)
    const pts = (n: number): Position[] => Array.from({ length: n }, () => [5 + random() * 6, 15 + random() * 6])
    const [candidates, demand] = [pts(30), pts(400)]
    const inst = buildCoverage({ candidates, demand, weights: demand.map(() => 1), radiusKm: 120 })
    candidates.forEach((c, j) => {
      const expected = demand.flatMap((d, i) => (distanceKm(c, d) <= 120 ? [i] : []))
      expect(Array.from(inst.covIdx.subarray(inst.covStart[j], inst.covStart[j + 1]))).toEqual(expected)
    })
  })

  it('counts what the existing sites cover before any candidate', () => {
    const demand: Position[] = [[10, 20], [11, 20], [12, 20]]
    const inst = buildCoverage({ candidates: [[12, 20]], demand, weights: [1, 2, 4], existing: [[10, 20]], radiusKm: 20 })
    expect(Array.from(inst.existingCount)).toEqual([1, 0, 0])
    expect(coveredWeight(inst, [])).toBe(1)
    expect(coveredWeight(inst, [0])).toBe(5)
  })

  it('marks as conflicting exactly the candidate pairs closer than the spacing', () => {
    // 0.5° of longitude at the equator is 55.6 km
    const candidates: Position[] = [[0, 0], [0.5, 0], [1.0, 0], [2.0, 0]]
    const inst = buildCoverage({ candidates, demand: [[0, 0]], weights: [1], radiusKm: 10, minSpacingKm: 60 })
    expect(spacingRespected(inst, [0, 2, 3])).toBe(true)
    expect(spacingRespected(inst, [0, 1])).toBe(false)
    expect(Array.from(inst.conflictIdx.subarray(inst.conflictStart[1], inst.conflictStart[2]))).toEqual([0, 2])
  })
})

describe('spacedFromExisting', () => {
  it('keeps only candidates at least the spacing from every existing site', () => {
    const candidates: Position[] = [[0, 0], [0.3, 0], [1, 0]]
    expect(spacedFromExisting(candidates, [[0, 0]], 50)).toEqual([2])
    expect(spacedFromExisting(candidates, [[0, 0]], 0)).toEqual([0, 1, 2])
  })
})

describe('PointIndex', () => {
  it('finds the same points as a scan at 35°N with a 300 km radius', () => {
    const random = mulberry32(7)
    const pts: Position[] = Array.from({ length: 2000 }, () => [random() * 20, 25 + random() * 15])
    const index = new PointIndex(pts, 0.5)
    const at: Position = [10, 35]
    expect(index.within(at, 300)).toEqual(pts.flatMap((p, i) => (distanceKm(at, p) <= 300 ? [i] : [])))
  })
})
