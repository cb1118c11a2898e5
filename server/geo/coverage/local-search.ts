// The greedy method's search: lazy greedy + 1-swaps, then a Lagrangian bound whose repaired plans
// seed more local searches, then (unless the bound already shows the plan within stopGap of the
// optimum) a seeded iterated local search that escapes the swap optimum where spacing traps it.
// A site placed early bans its neighbours, and no single swap can trade it for two sites that
// each conflict with a third; a plan built from the Lagrangian cell prices, removing a cluster of
// sites and refilling it (picks drawn among the best few, then swaps), restarting afresh, or
// shifting a site to make room for one more can. Measurements in docs/patrols.md (issue 13).
// Deterministic for a given seed: no clock, no Math.random.
import { coveredWeight, type CoverageInstance } from './coverage-sets.ts'
import { coverCounts, lazyGreedy, marginalGain } from './greedy.ts'
import { lagrangianBound } from './lagrangian.ts'
import { mulberry32 } from '../prng.ts'
import { coveringCandidates, swapSearch } from './swap.ts'

export interface SearchOptions {
  /** seed of the perturbations (default 1) */
  seed?: number
  /** rounds after greedy + swaps, at most (default roundsFor the open entries: 40 up to 100,000): odd ones start afresh, even ones perturb the best */
  rounds?: number
  /** first sites to grow a plan from besides the greediest (default none with the Lagrangian plans; without them 16, none past 400,000 open entries) */
  starts?: number
  /** stop after this many rounds without a better plan (default 10) */
  patience?: number
  /** most sites removed in one perturbation, a cluster sharing demand cells (default 3) */
  maxRemoved?: number
  /** each refill pick is drawn among this many best feasible candidates (default 3) */
  drawFrom?: number
  /** start every other round afresh (default true); false: every round perturbs the best plan */
  restarts?: boolean
  /** try the site shifts that make room for one more (default true) */
  shifts?: boolean
  /** best-improvement swaps per local search, at most (default 100) */
  maxSwaps?: number
  /** subgradient steps of the Lagrangian bound, at most (default stepsFor the open entries: 500 up to 100,000; 0 = no bound, no early stop) */
  lagrangianSteps?: number
  /** best repaired Lagrangian plans improved by local search (default 4) */
  lagrangianStarts?: number
  /** stop searching once (bound − covered) ≤ stopGap × bound, on what new sites can add (default 0.001) */
  stopGap?: number
}

export interface SearchResult {
  chosen: number[]
  /** covered demand weight, existing sites included */
  covered: number
  /** covered weight after the first greedy + swaps, before the rounds */
  firstCovered: number
  /** rounds that found a better plan */
  improvements: number
  /** upper bound on the covered weight of any k sites (Lagrangian, existing sites included; Infinity without one) */
  bound: number
  /** local searches run, subgradient steps taken, and whether the bound stopped the search early (within stopGap) */
  stats: { searches: number; lagrangianSteps: number; stoppedByBound: boolean }
}

/** Feasible candidates (not chosen, no spacing conflict with the kept sites) by fresh marginal gain, best first. */
function bestFeasible(inst: CoverageInstance, kept: readonly number[], count: number): number[] {
  const counts = coverCounts(inst, kept)
  const banned = new Uint8Array(inst.m)
  for (const s of kept) {
    banned[s] = 1
    for (let p = inst.conflictStart[s]; p < inst.conflictStart[s + 1]; p++) banned[inst.conflictIdx[p]] = 1
  }
  const top: { j: number; g: number }[] = []
  for (let j = 0; j < inst.m; j++) {
    if (banned[j]) continue
    const g = marginalGain(inst, counts, j)
    if (g <= 0 || (top.length === count && g <= top[count - 1].g)) continue
    top.push({ j, g })
    top.sort((a, b) => b.g - a.g || a.j - b.j)
    if (top.length > count) top.pop()
  }
  return top.map((t) => t.j)
}

/**
 * The chosen sites less `centre` and the removed − 1 others nearest it: sharing the most demand
 * cells with it, then the most spacing neighbours (candidates too close to both).
 */
function withoutCluster(inst: CoverageInstance, chosen: readonly number[], centre: number, removed: number): number[] {
  const mine = new Uint8Array(inst.n)
  for (let p = inst.covStart[centre]; p < inst.covStart[centre + 1]; p++) mine[inst.covIdx[p]] = 1
  const near = new Uint8Array(inst.m)
  for (let p = inst.conflictStart[centre]; p < inst.conflictStart[centre + 1]; p++) near[inst.conflictIdx[p]] = 1
  const closeness = (j: number) => {
    let cells = 0
    let neighbours = 0
    for (let p = inst.covStart[j]; p < inst.covStart[j + 1]; p++) cells += mine[inst.covIdx[p]]
    for (let p = inst.conflictStart[j]; p < inst.conflictStart[j + 1]; p++) neighbours += near[inst.conflictIdx[p]]
    return cells * inst.m + neighbours
  }
  const others = chosen.filter((j) => j !== centre).map((j) => ({ j, closeness: closeness(j) }))
  const drop = new Set([centre, ...others.sort((a, b) => b.closeness - a.closeness).slice(0, removed - 1).map((o) => o.j)])
  return chosen.filter((j) => !drop.has(j))
}

/**
 * The instance restricted to the cells a new site could still add: reachable by some candidate,
 * not covered by an existing site, of positive weight. Same candidates, same conflicts; covered
 * weight of the full instance = covered weight here + offset. Makes every sweep of the search
 * proportional to what can change, not to the whole demand grid.
 */
export function openPart(inst: CoverageInstance): { inst: CoverageInstance; offset: number } {
  const cellOf = new Int32Array(inst.n).fill(-1)
  const weights: number[] = []
  let offset = 0
  for (let i = 0; i < inst.n; i++) if (inst.existingCount[i] > 0) offset += inst.weights[i]
  for (let p = 0; p < inst.covIdx.length; p++) {
    const i = inst.covIdx[p]
    if (cellOf[i] < 0 && inst.existingCount[i] === 0 && inst.weights[i] > 0) {
      cellOf[i] = weights.length
      weights.push(inst.weights[i])
    }
  }
  const covStart = new Int32Array(inst.m + 1)
  const idx: number[] = []
  for (let j = 0; j < inst.m; j++) {
    for (let p = inst.covStart[j]; p < inst.covStart[j + 1]; p++) if (cellOf[inst.covIdx[p]] >= 0) idx.push(cellOf[inst.covIdx[p]])
    covStart[j + 1] = idx.length
  }
  const open = { ...inst, n: weights.length, weights: Float64Array.from(weights), covStart, covIdx: Int32Array.from(idx), existingCount: new Int32Array(weights.length) }
  return { inst: open, offset }
}

/**
 * The best move of one chosen site to a candidate closer than the spacing to it (and clear of the
 * others) followed by adding the best site that fits, when it covers more; else null.
 */
function shiftForRoom(inst: CoverageInstance, chosen: readonly number[]): number[] | null {
  let best: number[] | null = null
  let bestCovered = coveredWeight(inst, chosen) * (1 + 1e-9)
  const banCount = new Int32Array(inst.m)
  for (const s of chosen) for (let p = inst.conflictStart[s]; p < inst.conflictStart[s + 1]; p++) banCount[inst.conflictIdx[p]]++
  const isChosen = new Uint8Array(inst.m)
  for (const s of chosen) isChosen[s] = 1
  chosen.forEach((s, at) => {
    for (let p = inst.conflictStart[s]; p < inst.conflictStart[s + 1]; p++) {
      const c = inst.conflictIdx[p]
      if (isChosen[c] || banCount[c] !== 1 || inst.covStart[c + 1] === inst.covStart[c]) continue
      const moved = chosen.map((j, t) => (t === at ? c : j))
      const add = bestFeasible(inst, moved, 1)
      const trial = [...moved, ...add]
      const covered = coveredWeight(inst, trial)
      if (covered > bestCovered) [best, bestCovered] = [trial, covered]
    }
  })
  return best
}

/** Default rounds for an open part of `entries` (site, cell) pairs: 40, fewer past 100,000. */
export function roundsFor(entries: number): number {
  return Math.max(4, Math.min(40, Math.floor(4_000_000 / Math.max(1, entries))))
}

/** Default subgradient steps for an open part of `entries` (site, cell) pairs: 500, fewer past 100,000. */
export function stepsFor(entries: number): number {
  return Math.max(50, Math.min(500, Math.floor(50_000_000 / Math.max(1, entries))))
}

/** k sites (demand weight units) by lazy greedy, 1-swaps, then seeded rounds that keep only a better plan. */
export function searchPlan(full: CoverageInstance, k: number, options: SearchOptions = {}): SearchResult {
  const { inst, offset } = openPart(full)
  // a round costs a few sweeps of the open coverage entries: past 100,000 of them, fewer rounds
  // (145,853 candidates near every border, 1M entries: 4 rounds, ~2 s instead of ~6 s)
  const { seed = 1, rounds = roundsFor(inst.covIdx.length), patience = 10, maxRemoved = 3, drawFrom = 3, restarts = true, shifts = true, maxSwaps = 100 } = options
  // a subgradient step costs about one sweep of the open entries (1M entries: 50 steps)
  const { lagrangianSteps = stepsFor(inst.covIdx.length), lagrangianStarts = 4, stopGap = 0.001 } = options
  const covering = coveringCandidates(inst)
  // sites that add nothing would only ban their neighbours: the search keeps them out, lets
  // swaps and refills use the free slots, and pads the plan to k at the end
  const fill = (kept: readonly number[]) => {
    const more = lazyGreedy(inst, k - kept.length, kept)
    return [...kept, ...more.chosen.filter((_, t) => more.gains[t] > 0)]
  }
  let searches = 0
  const local = (start: readonly number[]) => {
    searches++
    let chosen = [...start]
    for (let pass = 0; pass < 4; pass++) {
      chosen = swapSearch(inst, chosen, maxSwaps, covering).chosen
      const filled = fill(chosen)
      if (filled.length === chosen.length) break
      chosen = filled
    }
    return { chosen, covered: coveredWeight(inst, chosen) }
  }
  let best = local(fill([]))
  const firstCovered = best.covered
  const random = mulberry32(seed)
  const eps = firstCovered * 1e-12
  let improvements = 0
  const consider = (trial: { chosen: number[]; covered: number }) => {
    if (trial.covered <= best.covered + eps) return false
    best = trial
    improvements++
    return true
  }
  // the Lagrangian bound: when the plan is already within stopGap of it, nothing below can pay off;
  // else its repaired plans (sites by cell prices, spaced) start local searches of their own
  const lag = lagrangianSteps > 0 ? lagrangianBound(inst, k, { iterations: lagrangianSteps, lowerBound: best.covered, tolerance: stopGap }) : null
  const bound = lag ? lag.bound : Infinity
  const closed = () => lag !== null && bound - best.covered <= stopGap * bound
  for (const p of lag && !closed() ? lag.plans.slice(0, lagrangianStarts) : []) consider(local(fill(p.chosen)))
  // multi-start: the plan grown from each of the best first sites, not only the greediest one
  // (spacing can make the greediest first site exclude the pair an optimum needs); the Lagrangian
  // plans made it redundant on the bench suite (same plans, a third less time), so only without them
  const starts = options.starts ?? (lag === null && inst.covIdx.length <= 400_000 ? 16 : 0)
  for (const j of starts > 0 && !closed() ? bestFeasible(inst, [], starts) : []) {
    consider(local(fill([j])))
    if (closed()) break
  }
  for (let r = 0, idle = 0; r < rounds && idle < patience && best.chosen.length > 0 && !closed(); r++, idle++) {
    // odd rounds start afresh (every pick drawn), even rounds perturb the best plan found
    const fresh = restarts && r % 2 === 1
    const removed = fresh ? k : 1 + Math.floor(random() * Math.min(maxRemoved, best.chosen.length))
    const kept = fresh ? [] : withoutCluster(inst, best.chosen, best.chosen[Math.floor(random() * best.chosen.length)], removed)
    for (let t = 0; t < removed; t++) {
      const draw = bestFeasible(inst, kept, drawFrom)
      if (draw.length === 0) break
      kept.push(draw[Math.floor(random() * draw.length)])
    }
    if (consider(local(fill(kept)))) idle = -1
  }
  // with free slots left (the spacing leaves no positive site), shift a site within its spacing
  // radius when that makes room for one more
  for (let pass = 0; shifts && pass < 12 && best.chosen.length < k && !closed(); pass++) {
    const shifted = shiftForRoom(inst, best.chosen)
    if (!shifted || !consider(local(shifted))) break
  }
  const chosen = [...best.chosen, ...lazyGreedy(inst, k - best.chosen.length, best.chosen).chosen]
  const stats = { searches, lagrangianSteps: lag?.iterations ?? 0, stoppedByBound: closed() }
  return { chosen, covered: best.covered + offset, firstCovered: firstCovered + offset, improvements, bound: bound + offset, stats }
}
