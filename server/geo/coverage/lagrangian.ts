// Lagrangian relaxation of the maximal covering problem, solved by subgradient steps:
//   L(λ) = Σ_g max(0, w_g − λ_g) + (sum of the k largest c_j = Σ_{g ∈ N_j} λ_g),  0 ≤ λ_g ≤ w_g.
// Relaxing the cover rows y_g ≤ Σ x_j (and dropping the spacing) leaves a problem solved by a
// sort, so every L(λ) is an upper bound on the covered weight of any k sites; its minimum over λ
// equals the LP relaxation without spacing. Each step also yields a plan: sites taken in order of
// c_j, skipping those too close to one already taken ("subgradient repair"), whose true coverage
// is a lower bound. Deterministic: no clock, no randomness.
import type { CoverageInstance } from './coverage-sets.ts'

export interface LagrangianOptions {
  /** subgradient steps, at most (default 200) */
  iterations?: number
  /** a covered weight known to be reachable (a plan's), for the step size and the stop */
  lowerBound?: number
  /** stop once (bound − best plan) ≤ tolerance × bound (default 1e-6) */
  tolerance?: number
  /** keep this many best distinct repaired plans (default 8) */
  keep?: number
}

export interface LagrangianResult {
  /** least L(λ) seen: an upper bound on the covered weight of k new sites (in the instance's units, existing coverage excluded) */
  bound: number
  /** the best distinct repaired plans, best first, with their covered weight (existing excluded) */
  plans: { chosen: number[]; covered: number }[]
  iterations: number
}

/** Indices of the k largest positive values (ties to the lower index). */
function topK(values: Float64Array, k: number): number[] {
  const top: number[] = []
  for (let j = 0; j < values.length; j++) {
    const v = values[j]
    if (v <= 0 || (top.length === k && v <= values[top[k - 1]])) continue
    let at = top.length
    while (at > 0 && values[top[at - 1]] < v) at--
    top.splice(at, 0, j)
    if (top.length > k) top.pop()
  }
  return top
}

/**
 * Up to k sites by decreasing value (ties to the lower index), skipping any closer than the spacing
 * to one already taken: a max-heap of the positive values, popped until k are taken.
 */
function spacedByValue(inst: CoverageInstance, values: Float64Array, k: number, heap: Int32Array, banned: Uint8Array): number[] {
  const above = (a: number, b: number) => values[a] > values[b] || (values[a] === values[b] && a < b)
  let size = 0
  for (let j = 0; j < values.length; j++) if (values[j] > 0) heap[size++] = j
  const siftDown = (from: number) => {
    const j = heap[from]
    let i = from
    for (;;) {
      let child = 2 * i + 1
      if (child >= size) break
      if (child + 1 < size && above(heap[child + 1], heap[child])) child++
      if (!above(heap[child], j)) break
      heap[i] = heap[child]
      i = child
    }
    heap[i] = j
  }
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(i)
  banned.fill(0)
  const chosen: number[] = []
  while (chosen.length < k && size > 0) {
    const j = heap[0]
    heap[0] = heap[--size]
    siftDown(0)
    if (banned[j]) continue
    chosen.push(j)
    for (let p = inst.conflictStart[j]; p < inst.conflictStart[j + 1]; p++) banned[inst.conflictIdx[p]] = 1
  }
  return chosen
}

/** Covered weight of the chosen sites on cells not covered by existing sites. */
function newCover(inst: CoverageInstance, chosen: readonly number[], mark: Uint8Array): number {
  let covered = 0
  for (const j of chosen) {
    for (let p = inst.covStart[j]; p < inst.covStart[j + 1]; p++) {
      const i = inst.covIdx[p]
      if (!mark[i] && inst.existingCount[i] === 0) {
        mark[i] = 1
        covered += inst.weights[i]
      }
    }
  }
  for (const j of chosen) for (let p = inst.covStart[j]; p < inst.covStart[j + 1]; p++) mark[inst.covIdx[p]] = 0
  return covered
}

/** Subgradient descent on the Lagrangian dual of k-site coverage; bound and repaired plans in weight units. */
export function lagrangianBound(inst: CoverageInstance, k: number, options: LagrangianOptions = {}): LagrangianResult {
  const { iterations = 200, tolerance = 1e-6, keep = 8 } = options
  const w = Float64Array.from(inst.weights, (x, i) => (inst.existingCount[i] > 0 ? 0 : x))
  const lambda = Float64Array.from(w)
  const c = new Float64Array(inst.m)
  const s = new Float64Array(inst.n)
  const mark = new Uint8Array(inst.n)
  const banned = new Uint8Array(inst.m)
  const heap = new Int32Array(inst.m)
  const plans: { chosen: number[]; covered: number; key: string }[] = []
  let lower = options.lowerBound ?? 0
  let bound = Infinity
  let alpha = 2
  let idle = 0
  let it = 0
  const spaced = inst.conflictIdx.length > 0
  for (; it < iterations; it++) {
    let value = 0
    for (let i = 0; i < inst.n; i++) if (w[i] > lambda[i]) value += w[i] - lambda[i]
    c.fill(0)
    for (let j = 0; j < inst.m; j++) {
      let v = 0
      for (let p = inst.covStart[j]; p < inst.covStart[j + 1]; p++) v += lambda[inst.covIdx[p]]
      c[j] = v
    }
    const top = topK(c, k)
    for (const j of top) value += c[j]
    if (value < bound * (1 - 1e-12)) [bound, idle] = [value, 0]
    else if (++idle >= 20) [alpha, idle] = [alpha / 2, 0]

    // repair: the sites by c_j, skipping any too close to one taken (the top k when unspaced)
    const chosen = spaced ? spacedByValue(inst, c, k, heap, banned) : top
    const covered = newCover(inst, chosen, mark)
    const key = [...chosen].sort((a, b) => a - b).join(',')
    if (!plans.some((p) => p.key === key) && (plans.length < keep || covered > plans[plans.length - 1].covered)) {
      plans.push({ chosen, covered, key })
      plans.sort((a, b) => b.covered - a.covered)
      if (plans.length > keep) plans.pop()
    }
    lower = Math.max(lower, covered)
    if (bound - lower <= tolerance * bound) break

    // subgradient of L at λ: (times covered by the top k) − y_g
    s.fill(0)
    for (const j of top) for (let p = inst.covStart[j]; p < inst.covStart[j + 1]; p++) s[inst.covIdx[p]] += 1
    let norm = 0
    for (let i = 0; i < inst.n; i++) {
      if (w[i] > lambda[i]) s[i] -= 1
      if ((s[i] > 0 && lambda[i] > 0) || (s[i] < 0 && lambda[i] < w[i])) norm += s[i] * s[i]
    }
    if (norm === 0) break
    const step = (alpha * (value - lower)) / norm
    for (let i = 0; i < inst.n; i++) lambda[i] = Math.min(w[i], Math.max(0, lambda[i] - step * s[i]))
  }
  return { bound, plans: plans.map(({ chosen, covered }) => ({ chosen, covered })), iterations: it }
}
