import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../prng.ts'
import { bruteForceOptimum } from './brute-force.ts'
import { coveredWeight, spacingRespected } from './coverage-sets.ts'
import { lazyGreedy } from './greedy.ts'
import { openPart, roundsFor, searchPlan, stepsFor } from './local-search.ts'
import { maskedTotals, reachableMask } from './plan-summary.ts'
import { randomInstance } from './random-instance.ts'
import { swapSearch } from './swap.ts'

describe('searchPlan', () => {
  it('covers at least what greedy + swaps cover, k sites, spacing respected, on 20 spaced instances', () => {
    const random = mulberry32(41)
    for (let t = 0; t < 20; t++) {
      const k = 3 + (t % 5)
      const { inst } = randomInstance(random, { candidates: 150, demand: 500, radiusKm: 45, minSpacingKm: 40 + 5 * (t % 4), existing: t % 3 === 0 ? 1 : 0, box: [10, 20, 14, 24] })
      const base = coveredWeight(inst, swapSearch(inst, lazyGreedy(inst, k).chosen).chosen)
      const r = searchPlan(inst, k, { seed: t })
      expect(r.chosen).toHaveLength(k)
      expect(new Set(r.chosen).size).toBe(k)
      expect(spacingRespected(inst, r.chosen)).toBe(true)
      expect(r.covered).toBeCloseTo(coveredWeight(inst, r.chosen), 9)
      expect(r.covered).toBeGreaterThanOrEqual(base - 1e-9)
    }
  })

  it('reaches at least 0.98 of the brute-force optimum on 24 small spaced instances, 0.995 on average', () => {
    const random = mulberry32(42)
    const ratios: number[] = []
    for (let t = 0; t < 24; t++) {
      const k = 2 + (t % 3)
      const { inst } = randomInstance(random, { candidates: 16, demand: 90, radiusKm: 55, minSpacingKm: t % 4 === 0 ? 0 : 60, existing: t % 5 === 0 ? 1 : 0 })
      const opt = bruteForceOptimum(inst, k).covered
      ratios.push(searchPlan(inst, k).covered / opt)
    }
    expect(Math.min(...ratios)).toBeGreaterThanOrEqual(0.98)
    expect(ratios.reduce((a, b) => a + b, 0) / ratios.length).toBeGreaterThanOrEqual(0.995)
  })

  it('gives the same plan for the same seed', () => {
    const { inst } = randomInstance(mulberry32(43), { candidates: 200, demand: 600, radiusKm: 40, minSpacingKm: 50, box: [10, 20, 15, 25] })
    expect(searchPlan(inst, 6, { seed: 7 }).chosen).toEqual(searchPlan(inst, 6, { seed: 7 }).chosen)
  })

  it('fills k sites even when fewer add demand, covering every reachable cell', () => {
    const { inst } = randomInstance(mulberry32(44), { candidates: 40, demand: 5, radiusKm: 60 })
    const r = searchPlan(inst, 10)
    expect(r.chosen).toHaveLength(10)
    expect(new Set(r.chosen).size).toBe(10)
    expect(r.covered).toBeCloseTo(maskedTotals(reachableMask(inst), inst.weights).covered, 9)
  })
})

describe('searchPlan and its Lagrangian bound', () => {
  it('bounds the brute-force optimum from above and stops early once the plan is within 0.1% of it', () => {
    const random = mulberry32(46)
    let stopped = 0
    for (let t = 0; t < 12; t++) {
      const k = 2 + (t % 3)
      const { inst } = randomInstance(random, { candidates: 16, demand: 90, radiusKm: 55, minSpacingKm: t % 2 === 0 ? 0 : 60, existing: t % 4 === 0 ? 1 : 0 })
      const opt = bruteForceOptimum(inst, k).covered
      const r = searchPlan(inst, k)
      expect(r.bound).toBeGreaterThanOrEqual(opt - 1e-9)
      if (r.stats.stoppedByBound) {
        stopped++
        expect(r.bound - r.covered).toBeLessThanOrEqual(0.001 * r.bound + 1e-12)
        expect(r.stats.searches).toBeLessThan(20)
      }
    }
    expect(stopped).toBeGreaterThanOrEqual(6)
  })

  it('runs the full rounds without a bound (lagrangianSteps 0)', () => {
    const { inst } = randomInstance(mulberry32(47), { candidates: 16, demand: 90, radiusKm: 55 })
    const r = searchPlan(inst, 3, { lagrangianSteps: 0 })
    expect(r.bound).toBe(Infinity)
    expect(r.stats.stoppedByBound).toBe(false)
    expect(r.stats.searches).toBeGreaterThan(16)
  })
})

describe('openPart', () => {
  it('keeps the covered weight of every plan, less an offset for the cells existing sites cover', () => {
    const { inst } = randomInstance(mulberry32(45), { candidates: 60, demand: 400, radiusKm: 50, existing: 2, box: [10, 20, 16, 26] })
    const { inst: open, offset } = openPart(inst)
    expect(open.n).toBeLessThan(inst.n)
    expect(offset).toBeGreaterThan(0)
    for (const plan of [[], [0, 5, 9], [1, 2, 3, 4, 30]]) expect(coveredWeight(open, plan) + offset).toBeCloseTo(coveredWeight(inst, plan), 9)
  })
})

describe('stepsFor', () => {
  it('gives 500 subgradient steps up to 100,000 open entries, fewer past them, never under 50', () => {
    expect([0, 45_847, 100_000, 200_000, 1_051_296, 50_000_000].map(stepsFor)).toEqual([500, 500, 500, 250, 50, 50])
  })
})

describe('roundsFor', () => {
  it('gives 40 rounds up to 100,000 open entries, fewer past them, never under 4', () => {
    expect([0, 45_847, 100_000, 200_000, 1_051_296, 50_000_000].map(roundsFor)).toEqual([40, 40, 40, 20, 4, 4])
  })
})
