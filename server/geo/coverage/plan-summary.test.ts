import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../prng.ts'
import { bruteForceOptimum } from './brute-force.ts'
import { buildCoverage, coveredWeight } from './coverage-sets.ts'
import { lazyGreedy } from './greedy.ts'
import { coveredMask, groupTotals, reachableMask, sequentialGains, submodularBound } from './plan-summary.ts'
import { randomInstance } from './random-instance.ts'

describe('submodularBound', () => {
  it('is never below the brute-force optimum, from the greedy plan (25 instances)', () => {
    const random = mulberry32(41)
    for (let t = 0; t < 25; t++) {
      const { inst } = randomInstance(random, { candidates: 12, demand: 60, radiusKm: 60, minSpacingKm: t % 2 ? 50 : 0 })
      const greedy = lazyGreedy(inst, 3).chosen
      const bound = submodularBound(inst, greedy, 3)
      expect(bound).toBeGreaterThanOrEqual(bruteForceOptimum(inst, 3).covered - 1e-9)
      expect(bound).toBeGreaterThanOrEqual(coveredWeight(inst, greedy))
    }
  })
})

describe('coverage summaries', () => {
  const inst = buildCoverage({
    candidates: [[10, 20], [12, 20]],
    demand: [[10, 20], [10.3, 20], [12, 20], [14, 20]],
    weights: [1, 2, 3, 4],
    radiusKm: 40,
  })

  it('marks covered and reachable cells', () => {
    expect(Array.from(coveredMask(inst, [0]))).toEqual([1, 1, 0, 0])
    expect(Array.from(reachableMask(inst))).toEqual([1, 1, 1, 0])
  })

  it('totals values per group, leaving out cells without a key', () => {
    expect(groupTotals(coveredMask(inst, [0]), ['NER', 'NER', 'TCD', undefined], inst.weights)).toEqual([
      { key: 'NER', total: 3, covered: 3 },
      { key: 'TCD', total: 3, covered: 0 },
    ])
  })

  it('gives marginal gains in the order given', () => {
    expect(sequentialGains(inst, [1, 0])).toEqual([3, 3])
  })
})
