// Exhaustive maximal covering over every k-subset of candidates: the reference optimum the
// tests hold greedy, local search and the MIP to. Only for small instances (C(m, k) subsets).
import { type CoverageInstance, coveredWeight, spacingRespected } from './coverage-sets.ts'

/** The best spacing-feasible k-subset and its covered weight (existing sites included). */
export function bruteForceOptimum(inst: CoverageInstance, k: number): { chosen: number[]; covered: number } {
  if (k > inst.m) throw new Error(`k must be at most the ${inst.m} candidates, got ${k}`)
  let best = { chosen: [] as number[], covered: -1 }
  const pick: number[] = []
  const visit = (from: number) => {
    if (pick.length === k) {
      if (!spacingRespected(inst, pick)) return
      const covered = coveredWeight(inst, pick)
      if (covered > best.covered) best = { chosen: [...pick], covered }
      return
    }
    for (let j = from; j <= inst.m - (k - pick.length); j++) {
      pick.push(j)
      visit(j + 1)
      pick.pop()
    }
  }
  visit(0)
  return best
}
