import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../prng.ts'
import { bruteForceOptimum } from './brute-force.ts'
import { coveredWeight, spacingRespected, type CoverageInstance } from './coverage-sets.ts'
import { lagrangianBound } from './lagrangian.ts'
import { openPart } from './local-search.ts'
import { randomInstance } from './random-instance.ts'

/** An instance from explicit coverage lists (cells by candidate), weights and conflict lists. */
function instanceOf(cover: number[][], weights: number[], conflicts: number[][] = cover.map(() => [])): CoverageInstance {
  const csr = (lists: number[][]) => {
    const start = new Int32Array(lists.length + 1)
    lists.forEach((l, j) => (start[j + 1] = start[j] + l.length))
    return { start, idx: Int32Array.from(lists.flat()) }
  }
  const c = csr(cover)
  const s = csr(conflicts)
  return { m: cover.length, n: weights.length, weights: Float64Array.from(weights), covStart: c.start, covIdx: c.idx, existingCount: new Int32Array(weights.length), conflictStart: s.start, conflictIdx: s.idx }
}

describe('lagrangianBound', () => {
  it('never falls below the brute-force optimum, and its plans are spaced and priced right, on 24 random instances', () => {
    const random = mulberry32(51)
    for (let t = 0; t < 24; t++) {
      const k = 2 + (t % 3)
      const { inst } = randomInstance(random, { candidates: 16, demand: 90, radiusKm: 55, minSpacingKm: t % 4 === 0 ? 0 : 60, existing: t % 5 === 0 ? 1 : 0 })
      const { offset } = openPart(inst)
      const opt = bruteForceOptimum(inst, k).covered
      const r = lagrangianBound(inst, k)
      expect(r.bound + offset).toBeGreaterThanOrEqual(opt - 1e-9)
      expect(r.plans.length).toBeGreaterThan(0)
      for (const p of r.plans) {
        expect(p.chosen.length).toBeLessThanOrEqual(k)
        expect(spacingRespected(inst, p.chosen)).toBe(true)
        expect(p.covered + offset).toBeCloseTo(coveredWeight(inst, p.chosen), 9)
      }
      expect(r.plans[0].covered + offset).toBeLessThanOrEqual(opt + 1e-9)
    }
  })

  it('closes on the optimum when two sites cover every cell (k = 2, weight 5)', () => {
    // candidate 2 overlaps both others; the optimum is {0, 1}, weight 5 of 6
    const inst = instanceOf([[0, 1], [2, 3], [1, 2]], [2, 1, 1, 1])
    const r = lagrangianBound(inst, 2)
    expect(r.bound).toBeCloseTo(5, 6)
    expect(r.plans[0].chosen.sort()).toEqual([0, 1])
    expect(r.plans[0].covered).toBe(5)
  })

  it('bounds without the spacing, and repairs its plan to respect it', () => {
    // sites 0 and 1 are too close: the relaxed bound takes both (3 + 3), the plan only one and site 2
    const inst = instanceOf([[0, 1, 2], [3, 4, 5], [6]], [1, 1, 1, 1, 1, 1, 1], [[1], [0], []])
    const r = lagrangianBound(inst, 2)
    expect(r.bound).toBeCloseTo(6, 6)
    expect(r.plans[0].covered).toBe(4)
    expect(spacingRespected(inst, r.plans[0].chosen)).toBe(true)
  })

  it('gives the same bound and plans on every run (no randomness)', () => {
    const { inst } = randomInstance(mulberry32(52), { candidates: 200, demand: 600, radiusKm: 40, minSpacingKm: 50, box: [10, 20, 15, 25] })
    expect(lagrangianBound(inst, 6)).toEqual(lagrangianBound(inst, 6))
  })

  it('stops as soon as a plan is within the tolerance of the bound', () => {
    const inst = instanceOf([[0], [1], [2]], [3, 2, 1])
    const r = lagrangianBound(inst, 2, { tolerance: 1e-9 })
    expect(r.bound).toBeCloseTo(5, 9)
    expect(r.plans[0].covered).toBe(5)
    expect(r.iterations).toBeLessThanOrEqual(10)
  })
})
