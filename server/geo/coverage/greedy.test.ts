import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../prng.ts'
import { bruteForceOptimum } from './brute-force.ts'
import { buildCoverage, coveredWeight, spacingRespected } from './coverage-sets.ts'
import { lazyGreedy, orderByGain } from './greedy.ts'
import { randomInstance } from './random-instance.ts'

const E_BOUND = 1 - 1 / Math.E

describe('lazyGreedy', () => {
  it('reaches at least (1 − 1/e) of the brute-force optimum on 40 random instances', () => {
    const random = mulberry32(11)
    let worst = 1
    for (let t = 0; t < 40; t++) {
      const { inst } = randomInstance(random, { candidates: 12, demand: 60, radiusKm: 60, existing: t % 3 === 0 ? 1 : 0 })
      const opt = bruteForceOptimum(inst, 3).covered
      const g = coveredWeight(inst, lazyGreedy(inst, 3).chosen)
      expect(g).toBeGreaterThanOrEqual(E_BOUND * opt - 1e-9)
      worst = Math.min(worst, g / opt)
    }
    expect(worst).toBeGreaterThan(E_BOUND)
  })

  it('picks the same sites as a plain (non-lazy) greedy', () => {
    const { inst } = randomInstance(mulberry32(3), { candidates: 40, demand: 200, radiusKm: 50 })
    const plain: number[] = []
    for (let step = 0; step < 5; step++) {
      let best = -1
      let bestW = -1
      for (let j = 0; j < inst.m; j++) {
        if (plain.includes(j)) continue
        const w = coveredWeight(inst, [...plain, j])
        if (w > bestW) [best, bestW] = [j, w]
      }
      plain.push(best)
    }
    expect(lazyGreedy(inst, 5).chosen).toEqual(plain)
  })

  it('reports gains that sum to the covered weight beyond the existing sites', () => {
    const { inst } = randomInstance(mulberry32(5), { candidates: 30, demand: 150, radiusKm: 50, existing: 2 })
    const { chosen, gains } = lazyGreedy(inst, 4)
    expect(gains.reduce((a, b) => a + b, 0)).toBeCloseTo(coveredWeight(inst, chosen) - coveredWeight(inst, []), 9)
    expect([...gains].sort((a, b) => b - a)).toEqual(gains)
  })

  it('keeps every pair of chosen sites at least the minimum spacing apart', () => {
    const { inst } = randomInstance(mulberry32(8), { candidates: 80, demand: 200, radiusKm: 60, minSpacingKm: 90 })
    const { chosen } = lazyGreedy(inst, 6)
    expect(chosen).toHaveLength(6)
    expect(spacingRespected(inst, chosen)).toBe(true)
  })

  it('returns fewer than k sites when the spacing leaves no room', () => {
    const inst = buildCoverage({ candidates: [[0, 20], [0.1, 20], [0.2, 20]], demand: [[0, 20]], weights: [1], radiusKm: 10, minSpacingKm: 50 })
    expect(lazyGreedy(inst, 2).chosen).toEqual([0])
  })
})

describe('orderByGain', () => {
  it('orders a set by decreasing marginal gain with gains summing to its coverage', () => {
    const { inst } = randomInstance(mulberry32(9), { candidates: 20, demand: 100, radiusKm: 60 })
    const { chosen, gains } = orderByGain(inst, [3, 7, 11, 15])
    expect([...chosen].sort((a, b) => a - b)).toEqual([3, 7, 11, 15])
    expect(gains.reduce((a, b) => a + b, 0)).toBeCloseTo(coveredWeight(inst, chosen), 9)
  })
})
