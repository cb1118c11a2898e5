// POST /api/patrols/plan, step by step: check the countries, build candidates and demand, build
// the coverage sets, run lazy greedy + local search (or the MIP in a worker), bound the optimum, and
// summarise coverage by site, country and threat.
import { latLngToCell } from 'h3-js'
import type { Db } from '../db/types.ts'
import { buildCoverage } from '../geo/coverage/coverage-sets.ts'
import { lazyGreedy, orderByGain } from '../geo/coverage/greedy.ts'
import { buildMclpModel, chosenSites, mipStart } from '../geo/coverage/mip-model.ts'
import { coveredMask, groupTotals, maskedTotals, reachableMask, reachWeight, sequentialGains, submodularBound } from '../geo/coverage/plan-summary.ts'
import { searchPlan } from '../geo/coverage/local-search.ts'
import { pointCountries, siteBorders } from '../repos/patrols.ts'
import { planInstance } from './instance.ts'
import { solveInWorker } from './solve-in-worker.ts'
import type { PlanRequest } from './types.ts'

/** Best-improvement swaps in one local search, at most. */
export const MAX_SWAPS = 100
/** Seed of the greedy method's local search: the same request gives the same plan. */
export const SEARCH_SEED = 1
/** A greedy plan whose gap to its bound exceeds this says so and offers the exact method. */
export const GAP_NOTICE = 0.02

const r6 = (x: number) => Math.round(x * 1e6) / 1e6
const ratio = (covered: number, total: number) => (total > 0 ? r6(covered / total) : 0)

const pct = (x: number) => `${(x * 100).toFixed(1)}%`

/** The message of a plan whose gap to its bound exceeds GAP_NOTICE, else null. */
export function gapNotice(status: 'heuristic' | 'optimal' | 'time_limit' | 'fallback', gap: number, boundSource: string): string | null {
  if (!(gap > GAP_NOTICE) || status === 'optimal') return null
  if (status === 'heuristic') {
    return `the plan covers ${pct(gap)} less than the ${boundSource} upper bound (more than ${pct(GAP_NOTICE)}); the optimum lies in between: solve with method "exact" to find it or prove this plan close`
  }
  return `the solver stopped at the time limit ${pct(gap)} below its bound (more than ${pct(GAP_NOTICE)}); raise time_limit_s to close the gap`
}

/** Computes a plan for a parsed request; bad input throws a 400 naming the field. */
export async function planPatrols(db: Db, req: PlanRequest) {
  const { inst, candidates, pairs, demand, existing, existingCountries } = await planInstance(db, req)

  let chosen = searchPlan(inst, req.k, { seed: SEARCH_SEED, maxSwaps: MAX_SWAPS }).chosen
  let status: 'heuristic' | 'optimal' | 'time_limit' | 'fallback' = 'heuristic'
  let bound = submodularBound(inst, chosen, req.k)
  let boundSource: 'submodular' | 'lp' | 'mip' = 'submodular'
  let solverSeconds: number | null = null
  if (req.method === 'exact' || req.lpBound) {
    const model = buildMclpModel(inst, req.k)
    const integer = req.method === 'exact'
    const solved = await solveInWorker(model, { integer, timeLimitS: req.timeLimitS, start: integer ? mipStart(model, inst, chosen) : undefined })
    solverSeconds = solved.seconds
    if (integer && solved.colValue) {
      const exact = chosenSites(model, solved.colValue)
      // the MIP uses Σx ≤ k; candidates covering nothing new fill up to k, as greedy would
      chosen = [...exact, ...lazyGreedy(inst, req.k - exact.length, exact).chosen]
      status = solved.status === 'optimal' ? 'optimal' : 'time_limit'
    } else if (integer) {
      status = 'fallback'
    }
    if (solved.bound !== null && solved.bound < bound) [bound, boundSource] = [solved.bound, integer ? 'mip' : 'lp']
  }

  const ordered = orderByGain(inst, chosen)
  const newPoints = ordered.chosen.map((j) => candidates.points[j])
  const [siteCountries, borders] = await Promise.all([pointCountries(db, newPoints), pairs ? siteBorders(db, newPoints, pairs) : []])
  const mask = coveredMask(inst, ordered.chosen)
  const covered = maskedTotals(mask, demand.weights)
  // existing sites count first: their own coverage and marginal gains, in the order given
  const own = buildCoverage({ candidates: existing, demand: demand.points, weights: demand.weights, radiusKm: req.radiusKm })
  const existingGains = sequentialGains(own, existing.map((_, i) => i))
  const reachable = maskedTotals(reachableMask(inst), demand.weights).covered
  const existingCovered = maskedTotals(Uint8Array.from(inst.existingCount, (c) => (c > 0 ? 1 : 0)), demand.weights).covered
  bound = Math.max(bound, covered.covered)

  const gap = bound > 0 ? r6((bound - covered.covered) / bound) : 0
  const gapWarning = gapNotice(status, gap, boundSource)

  const sites = [
    ...req.existing.map((e, i) => ({
      order: i + 1,
      kind: 'existing' as const,
      name: e.name ?? null,
      lng: e.lng,
      lat: e.lat,
      h3: latLngToCell(e.lat, e.lng, req.candidates.h3Res),
      country: existingCountries[i] ?? null,
      border_pair: null,
      border_km: null,
      covered_demand: r6(reachWeight(own, i)),
      marginal_gain: r6(existingGains[i]),
    })),
    ...ordered.chosen.map((j, t) => ({
      order: existing.length + t + 1,
      kind: 'new' as const,
      name: null,
      lng: r6(candidates.points[j][0]),
      lat: r6(candidates.points[j][1]),
      h3: candidates.cells[j],
      country: siteCountries[t] ?? null,
      border_pair: borders[t]?.border_pair ?? null,
      border_km: borders[t] ? Math.round(borders[t].border_km * 10) / 10 : null,
      covered_demand: r6(reachWeight(inst, j)),
      marginal_gain: r6(ordered.gains[t]),
    })),
  ]
  const incidents = maskedTotals(mask, demand.incidentValue)
  const routeKm = maskedTotals(mask, demand.routeKm)
  return {
    method: req.method,
    status,
    k: req.k,
    radius_km: req.radiusKm,
    min_spacing_km: req.minSpacingKm,
    sites,
    shortfall: req.k - ordered.chosen.length,
    total_demand: r6(covered.total),
    covered_demand: r6(covered.covered),
    existing_covered_demand: r6(existingCovered),
    coverage_ratio: ratio(covered.covered, covered.total),
    reachable_demand: r6(reachable),
    reachable_ratio: ratio(covered.covered, reachable),
    bound: r6(bound),
    bound_source: boundSource,
    gap,
    gap_warning: gapWarning !== null,
    gap_message: gapWarning,
    incidents: { total: r6(incidents.total), covered: r6(incidents.covered), ratio: ratio(incidents.covered, incidents.total) },
    route_km: { total: Math.round(routeKm.total * 10) / 10, covered: Math.round(routeKm.covered * 10) / 10, ratio: ratio(routeKm.covered, routeKm.total) },
    by_country: groupTotals(mask, demand.countries, demand.weights).map((g) => ({ iso3: g.key, demand: r6(g.total), covered: r6(g.covered), ratio: ratio(g.covered, g.total) })),
    by_threat: [...demand.threatValue.entries()]
      .map(([threat, values]) => ({ threat, ...maskedTotals(mask, values) }))
      .map((t) => ({ threat: t.threat, value: r6(t.total), covered: r6(t.covered), ratio: ratio(t.covered, t.total) }))
      .sort((a, b) => a.threat.localeCompare(b.threat)),
    covered_cells: demand.cells.filter((_, i) => mask[i]),
    instance: { candidates: inst.m, demand_cells: inst.n, candidate_h3_res: req.candidates.h3Res, demand_h3_res: req.demand.h3Res, solver_seconds: solverSeconds },
  }
}

export type PlanResult = Awaited<ReturnType<typeof planPatrols>>
