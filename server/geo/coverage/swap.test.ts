import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../prng.ts'
import { bruteForceOptimum } from './brute-force.ts'
import { coveredWeight, spacingRespected } from './coverage-sets.ts'
import { lazyGreedy } from './greedy.ts'
import { randomInstance } from './random-instance.ts'
import { swapSearch } from './swap.ts'

describe('swapSearch', () => {
  it('never covers less than the greedy plan it starts from (60 random instances, with and without spacing)', () => {
    const random = mulberry32(21)
    for (let t = 0; t < 60; t++) {
      const { inst } = randomInstance(random, { candidates: 40, demand: 120, radiusKm: 50, minSpacingKm: t % 2 ? 40 : 0, existing: t % 4 === 0 ? 1 : 0 })
      const greedy = lazyGreedy(inst, 4).chosen
      const { chosen } = swapSearch(inst, greedy)
      expect(coveredWeight(inst, chosen)).toBeGreaterThanOrEqual(coveredWeight(inst, greedy) - 1e-9)
      expect(spacingRespected(inst, chosen)).toBe(true)
      expect(new Set(chosen).size).toBe(chosen.length)
    }
  })

  it('improves a poor start to within 10% of the brute-force optimum on a small instance', () => {
    const { inst } = randomInstance(mulberry32(4), { candidates: 10, demand: 50, radiusKm: 60 })
    const opt = bruteForceOptimum(inst, 2)
    const worst = [0, 1]
    const { chosen, swaps } = swapSearch(inst, worst)
    expect(swaps).toBeGreaterThan(0)
    expect(coveredWeight(inst, chosen)).toBeGreaterThanOrEqual(coveredWeight(inst, worst))
    expect(coveredWeight(inst, chosen) / opt.covered).toBeGreaterThan(0.9)
  })

  it('makes no swap on a brute-force optimum', () => {
    const { inst } = randomInstance(mulberry32(6), { candidates: 10, demand: 50, radiusKm: 60 })
    const opt = bruteForceOptimum(inst, 3)
    expect(swapSearch(inst, opt.chosen).swaps).toBe(0)
  })
})
