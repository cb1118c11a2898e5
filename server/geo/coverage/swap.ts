// 1-swap local search after greedy: replace one chosen site by one unchosen candidate whenever
// that covers more, best swap first, until no swap improves or maxSwaps is reached. Each pass
// is about one sweep of the coverage arrays: swapping s for c gains base(c) + overlap(c, only-s
// cells) − loss(s), and only candidates sharing cells with s have a non-zero overlap.
import type { CoverageInstance } from './coverage-sets.ts'
import { coverCounts } from './greedy.ts'

export interface SwapResult {
  chosen: number[]
  swaps: number
}

/** Demand cell → candidates covering it (the transpose of the coverage sets). */
export function coveringCandidates(inst: CoverageInstance): { start: Int32Array; idx: Int32Array } {
  const start = new Int32Array(inst.n + 1)
  for (let p = 0; p < inst.covIdx.length; p++) start[inst.covIdx[p] + 1]++
  for (let i = 0; i < inst.n; i++) start[i + 1] += start[i]
  const fill = start.slice(0, inst.n)
  const idx = new Int32Array(inst.covIdx.length)
  for (let j = 0; j < inst.m; j++) for (let p = inst.covStart[j]; p < inst.covStart[j + 1]; p++) idx[fill[inst.covIdx[p]]++] = j
  return { start, idx }
}

/** Improves a feasible set of chosen candidates by best-improvement 1-swaps (never makes it worse). */
export function swapSearch(inst: CoverageInstance, initial: readonly number[], maxSwaps = 200, covering = coveringCandidates(inst)): SwapResult {
  const chosen = [...initial]
  if (chosen.length === 0) return { chosen, swaps: 0 }
  const total = inst.weights.reduce((a, b) => a + b, 0)
  const eps = total * 1e-12
  let swaps = 0
  while (swaps < maxSwaps) {
    const counts = coverCounts(inst, chosen)
    const isChosen = new Uint8Array(inst.m)
    const banCount = new Int32Array(inst.m)
    for (const s of chosen) {
      isChosen[s] = 1
      for (let p = inst.conflictStart[s]; p < inst.conflictStart[s + 1]; p++) banCount[inst.conflictIdx[p]]++
    }
    const base = new Float64Array(inst.m)
    for (let c = 0; c < inst.m; c++) {
      for (let p = inst.covStart[c]; p < inst.covStart[c + 1]; p++) if (counts[inst.covIdx[p]] === 0) base[c] += inst.weights[inst.covIdx[p]]
    }
    // only a candidate adding uncovered demand can make a swap pay off beyond its overlap
    const byBase: number[] = []
    for (let c = 0; c < inst.m; c++) if (base[c] > 0) byBase.push(c)
    byBase.sort((a, b) => base[b] - base[a] || a - b)
    let best = { delta: eps, at: -1, c: -1 }
    const overlap = new Float64Array(inst.m)
    const touched = new Uint8Array(inst.m)
    const nearS = new Uint8Array(inst.m)
    chosen.forEach((s, at) => {
      let loss = 0
      const list: number[] = []
      for (let p = inst.covStart[s]; p < inst.covStart[s + 1]; p++) {
        const i = inst.covIdx[p]
        if (counts[i] !== 1) continue
        loss += inst.weights[i]
        for (let q = covering.start[i]; q < covering.start[i + 1]; q++) {
          const c = covering.idx[q]
          if (!touched[c]) list.push(c)
          touched[c] = 1
          overlap[c] += inst.weights[i]
        }
      }
      for (let p = inst.conflictStart[s]; p < inst.conflictStart[s + 1]; p++) nearS[inst.conflictIdx[p]] = 1
      const feasible = (c: number) => !isChosen[c] && banCount[c] - nearS[c] === 0
      for (const c of list) {
        const delta = base[c] + overlap[c] - loss
        if (feasible(c) && delta > best.delta) best = { delta, at, c }
      }
      for (const c of byBase) {
        if (base[c] - loss <= best.delta) break
        if (!touched[c] && feasible(c)) {
          best = { delta: base[c] - loss, at, c }
          break
        }
      }
      for (const c of list) [touched[c], overlap[c]] = [0, 0]
      for (let p = inst.conflictStart[s]; p < inst.conflictStart[s + 1]; p++) nearS[inst.conflictIdx[p]] = 0
    })
    if (best.at < 0) break
    chosen[best.at] = best.c
    swaps++
  }
  return { chosen, swaps }
}
