// The exact method (HiGHS MIP on the reduced model) against brute force, and the LP bound.
import loadHighs, { type Highs } from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { bruteForceOptimum } from '../server/geo/coverage/brute-force.ts'
import { coveredWeight, spacingRespected } from '../server/geo/coverage/coverage-sets.ts'
import { lazyGreedy } from '../server/geo/coverage/greedy.ts'
import { buildMclpModel, chosenSites, mipStart } from '../server/geo/coverage/mip-model.ts'
import { randomInstance } from '../server/geo/coverage/random-instance.ts'
import { mulberry32 } from '../server/geo/prng.ts'
import { solveMclp } from '../server/patrols/solve-mip.ts'

let highs: Highs
beforeAll(async () => {
  highs = await loadHighs()
})

describe('exact maximal covering with HiGHS', () => {
  it('equals the brute-force optimum on 30 small instances (with spacing and existing sites in some)', () => {
    const random = mulberry32(31)
    for (let t = 0; t < 30; t++) {
      const k = 2 + (t % 3)
      const { inst } = randomInstance(random, { candidates: 13, demand: 70, radiusKm: 55, minSpacingKm: t % 2 ? 60 : 0, existing: t % 5 === 0 ? 1 : 0 })
      const opt = bruteForceOptimum(inst, k)
      const model = buildMclpModel(inst, k)
      const r = solveMclp(highs, model, { integer: true, timeLimitS: 10 })
      expect(r.status).toBe('optimal')
      expect(r.objective).toBeCloseTo(opt.covered, 6)
      const sites = chosenSites(model, r.colValue!)
      expect(sites.length).toBeLessThanOrEqual(k)
      expect(spacingRespected(inst, sites)).toBe(true)
      expect(coveredWeight(inst, sites)).toBeCloseTo(opt.covered, 6)
    }
  })

  it('gives an LP relaxation bound at or above the optimum', () => {
    const random = mulberry32(32)
    for (let t = 0; t < 10; t++) {
      const { inst } = randomInstance(random, { candidates: 12, demand: 60, radiusKm: 55 })
      const opt = bruteForceOptimum(inst, 3).covered
      const lp = solveMclp(highs, buildMclpModel(inst, 3), { integer: false, timeLimitS: 10 })
      expect(lp.status).toBe('optimal')
      expect(lp.bound!).toBeGreaterThanOrEqual(opt - 1e-6)
    }
  })

  it('accepts the greedy plan as a MIP start and ends no worse than it', () => {
    const { inst } = randomInstance(mulberry32(33), { candidates: 120, demand: 600, radiusKm: 40, box: [10, 20, 16, 26] })
    const greedy = lazyGreedy(inst, 5).chosen
    const model = buildMclpModel(inst, 5)
    const r = solveMclp(highs, model, { integer: true, timeLimitS: 20, start: mipStart(model, inst, greedy) })
    expect(r.objective!).toBeGreaterThanOrEqual(coveredWeight(inst, greedy) - 1e-6)
    expect(r.bound!).toBeGreaterThanOrEqual(r.objective! - 1e-6)
  })

  it('merges demand cells covered by the same candidates into one row', () => {
    const { inst } = randomInstance(mulberry32(34), { candidates: 10, demand: 400, radiusKm: 60 })
    const model = buildMclpModel(inst, 2)
    // rows: one per merged group, one cardinality row; far fewer groups than cells
    expect(model.numRows - 1).toBeLessThan(inst.n / 3)
    expect(model.numCols - model.siteCols).toBe(model.numRows - 1)
  })
})
