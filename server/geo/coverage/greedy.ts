// Lazy greedy for the maximal covering problem (Minoux's accelerated greedy): a max-heap of
// stale marginal gains; coverage is submodular, so a gain only shrinks and a popped candidate
// whose fresh gain still tops the heap is the true best. Gives at least (1 − 1/e) of the optimum
// without spacing; with spacing, candidates closer than it to a chosen site drop out.
import type { CoverageInstance } from './coverage-sets.ts'

export interface GreedyResult {
  /** chosen candidates in the order picked */
  chosen: number[]
  /** demand weight each added, in that order */
  gains: number[]
}

/** Fresh marginal gain of candidate j given per-cell cover counts. */
export function marginalGain(inst: CoverageInstance, counts: Int32Array, j: number): number {
  let g = 0
  for (let p = inst.covStart[j]; p < inst.covStart[j + 1]; p++) if (counts[inst.covIdx[p]] === 0) g += inst.weights[inst.covIdx[p]]
  return g
}

/** Binary max-heap of (gain, candidate); ties go to the lower candidate index (deterministic). */
class GainHeap {
  private gains: number[] = []
  private ids: number[] = []
  get size() {
    return this.ids.length
  }
  private above(a: number, b: number) {
    return this.gains[a] > this.gains[b] || (this.gains[a] === this.gains[b] && this.ids[a] < this.ids[b])
  }
  private swap(a: number, b: number) {
    ;[this.gains[a], this.gains[b]] = [this.gains[b], this.gains[a]]
    ;[this.ids[a], this.ids[b]] = [this.ids[b], this.ids[a]]
  }
  push(gain: number, id: number) {
    this.gains.push(gain)
    this.ids.push(id)
    for (let i = this.ids.length - 1; i > 0 && this.above(i, (i - 1) >> 1); i = (i - 1) >> 1) this.swap(i, (i - 1) >> 1)
  }
  peekGain() {
    return this.gains[0]
  }
  peekId() {
    return this.ids[0]
  }
  pop(): number {
    const top = this.ids[0]
    const last = this.ids.length - 1
    this.swap(0, last)
    this.gains.pop()
    this.ids.pop()
    for (let i = 0; ; ) {
      const [l, r] = [2 * i + 1, 2 * i + 2]
      let best = i
      if (l < this.ids.length && this.above(l, best)) best = l
      if (r < this.ids.length && this.above(r, best)) best = r
      if (best === i) break
      this.swap(i, best)
      i = best
    }
    return top
  }
}

/** Per-cell cover counts of the existing sites plus the given candidates. */
export function coverCounts(inst: CoverageInstance, chosen: readonly number[]): Int32Array {
  const counts = Int32Array.from(inst.existingCount)
  for (const j of chosen) for (let p = inst.covStart[j]; p < inst.covStart[j + 1]; p++) counts[inst.covIdx[p]]++
  return counts
}

/**
 * Picks up to k candidates by lazy greedy, after the existing sites and any `fixed` candidates.
 * Fewer than k come back only when the spacing leaves no candidate.
 */
export function lazyGreedy(inst: CoverageInstance, k: number, fixed: readonly number[] = []): GreedyResult {
  if (!Number.isInteger(k) || k < 0) throw new Error(`k must be a non-negative integer, got ${k}`)
  const counts = coverCounts(inst, fixed)
  const banned = new Uint8Array(inst.m)
  const ban = (j: number) => {
    banned[j] = 1
    for (let p = inst.conflictStart[j]; p < inst.conflictStart[j + 1]; p++) banned[inst.conflictIdx[p]] = 1
  }
  fixed.forEach(ban)
  const heap = new GainHeap()
  for (let j = 0; j < inst.m; j++) if (!banned[j]) heap.push(marginalGain(inst, counts, j), j)
  const chosen: number[] = []
  const gains: number[] = []
  while (chosen.length < k && heap.size > 0) {
    const j = heap.pop()
    if (banned[j]) continue
    const g = marginalGain(inst, counts, j)
    if (heap.size > 0 && (g < heap.peekGain() || (g === heap.peekGain() && heap.peekId() < j))) {
      heap.push(g, j)
      continue
    }
    chosen.push(j)
    gains.push(g)
    for (let p = inst.covStart[j]; p < inst.covStart[j + 1]; p++) counts[inst.covIdx[p]]++
    ban(j)
  }
  return { chosen, gains }
}

/** Orders chosen candidates as greedy would add them, with each one's marginal gain. */
export function orderByGain(inst: CoverageInstance, chosen: readonly number[]): GreedyResult {
  const counts = coverCounts(inst, [])
  const left = [...chosen]
  const out: GreedyResult = { chosen: [], gains: [] }
  while (left.length > 0) {
    let best = 0
    let bestGain = -1
    left.forEach((j, i) => {
      const g = marginalGain(inst, counts, j)
      if (g > bestGain) [best, bestGain] = [i, g]
    })
    const [j] = left.splice(best, 1)
    out.chosen.push(j)
    out.gains.push(bestGain)
    for (let p = inst.covStart[j]; p < inst.covStart[j + 1]; p++) counts[inst.covIdx[p]]++
  }
  return out
}
