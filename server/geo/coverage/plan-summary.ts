// What a plan achieves: which demand cells it covers, totals by any grouping of the cells
// (country, threat), and an upper bound on the best plan that needs no solver.
import type { CoverageInstance } from './coverage-sets.ts'
import { coverCounts, marginalGain } from './greedy.ts'

/** 1 for each demand cell covered by an existing site or a chosen candidate. */
export function coveredMask(inst: CoverageInstance, chosen: readonly number[]): Uint8Array {
  return Uint8Array.from(coverCounts(inst, chosen), (c) => (c > 0 ? 1 : 0))
}

/** 1 for each demand cell that some existing site or some candidate could cover. */
export function reachableMask(inst: CoverageInstance): Uint8Array {
  const mask = Uint8Array.from(inst.existingCount, (c) => (c > 0 ? 1 : 0))
  for (let p = 0; p < inst.covIdx.length; p++) mask[inst.covIdx[p]] = 1
  return mask
}

/** Σ values over all cells and over the covered ones. */
export function maskedTotals(mask: Uint8Array, values: ArrayLike<number>): { total: number; covered: number } {
  let total = 0
  let covered = 0
  for (let i = 0; i < mask.length; i++) {
    total += values[i]
    if (mask[i]) covered += values[i]
  }
  return { total, covered }
}

/** Totals per group key of each cell (cells with an undefined key are left out), by key. */
export function groupTotals(mask: Uint8Array, keys: readonly (string | undefined)[], values: ArrayLike<number>): { key: string; total: number; covered: number }[] {
  const out = new Map<string, { key: string; total: number; covered: number }>()
  for (let i = 0; i < mask.length; i++) {
    const key = keys[i]
    if (key === undefined) continue
    let g = out.get(key)
    if (!g) out.set(key, (g = { key, total: 0, covered: 0 }))
    g.total += values[i]
    if (mask[i]) g.covered += values[i]
  }
  return [...out.values()].sort((a, b) => a.key.localeCompare(b.key))
}

/** Weight of all cells within reach of candidate j (not only the new ones). */
export function reachWeight(inst: CoverageInstance, j: number): number {
  let w = 0
  for (let p = inst.covStart[j]; p < inst.covStart[j + 1]; p++) w += inst.weights[inst.covIdx[p]]
  return w
}

/**
 * An upper bound on the best plan of k new sites from a plan S: f(S) plus the k largest marginal
 * gains with respect to S (valid for any monotone submodular coverage; spacing only lowers the
 * optimum). Costs one sweep of the coverage arrays.
 */
export function submodularBound(inst: CoverageInstance, chosen: readonly number[], k: number): number {
  const counts = coverCounts(inst, chosen)
  let f = 0
  for (let i = 0; i < inst.n; i++) if (counts[i] > 0) f += inst.weights[i]
  const gains = Array.from({ length: inst.m }, (_, j) => marginalGain(inst, counts, j)).sort((a, b) => b - a)
  return f + gains.slice(0, k).reduce((a, b) => a + b, 0)
}

/** Marginal gain of each candidate added in the given order, from nothing covered. */
export function sequentialGains(inst: CoverageInstance, order: readonly number[]): number[] {
  const counts = new Int32Array(inst.n)
  return order.map((j) => {
    const g = marginalGain(inst, counts, j)
    for (let p = inst.covStart[j]; p < inst.covStart[j + 1]; p++) counts[inst.covIdx[p]]++
    return g
  })
}
