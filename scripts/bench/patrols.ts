// Bench section 8: patrol siting, the greedy method (lazy greedy, Lagrangian bound, local search)
// against the exact MIP on the 14 instances of patrol-suite.ts over the demo data, then
// (BENCH_PATROL_SCALE=1) the large instance: res-6 candidates near every member border,
// 1,000,000 incidents.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { startApp } from '../../server/start.ts'
import { mulberry32 } from '../../server/geo/prng.ts'
import { syntheticIncidents } from '../../server/geo/synthetic.ts'
import { buildCoverage, coveredWeight, type CoverageInstance } from '../../server/geo/coverage/coverage-sets.ts'
import { lazyGreedy } from '../../server/geo/coverage/greedy.ts'
import { searchPlan, type SearchResult } from '../../server/geo/coverage/local-search.ts'
import { buildMclpModel, chosenSites, mipStart } from '../../server/geo/coverage/mip-model.ts'
import { swapSearch } from '../../server/geo/coverage/swap.ts'
import { seedDemoIncidents } from '../../server/import/seed-demo.ts'
import { candidateSites } from '../../server/patrols/candidates.ts'
import { gatherDemand } from '../../server/patrols/demand.ts'
import { planInstance } from '../../server/patrols/instance.ts'
import { MAX_SWAPS, SEARCH_SEED } from '../../server/patrols/plan.ts'
import { solveInWorker } from '../../server/patrols/solve-in-worker.ts'
import { median, row, scratchDatabases } from './common.ts'
import { catalogueRoutes, loadMillion } from './incident-data.ts'
import { PATROL_SUITE } from './patrol-suite.ts'

/** One instance's figures, as written to the JSON results. */
export interface PatrolBenchRow {
  name: string
  k: number
  radius_km: number
  min_spacing_km: number
  existing_sites: number
  candidates: number
  demand_cells: number
  /** lazy greedy + 1-swaps alone (the method before issue 13) */
  swap_covered: number
  greedy_covered: number
  greedy_ms: number
  /** (Lagrangian bound − greedy) / bound, the search's own gap; whether it stopped the search early (≤ 0.1%) */
  lagrangian_gap: number
  stopped_by_bound: boolean
  /** local searches the greedy method ran */
  searches: number
  exact_covered: number
  exact_status: string
  /** the exact method as the API runs it: model build, worker start, HiGHS from the greedy plan */
  exact_ms: number
  /** of which HiGHS itself (the rest: model build, worker start, HiGHS load) */
  exact_solver_ms: number
  lp_bound: number | null
  greedy_ratio: number
  swap_ratio: number
  time_ratio: number
  /** (LP bound − exact) / LP bound, and (LP bound − greedy) / LP bound as the API reports it */
  lp_gap: number | null
  greedy_lp_gap: number | null
}

const greedyPlan = (inst: CoverageInstance, k: number) => searchPlan(inst, k, { seed: SEARCH_SEED, maxSwaps: MAX_SWAPS })

/** Median ms of three runs of the greedy method, after one warm-up. */
function timeGreedy(inst: CoverageInstance, k: number): { chosen: number[]; ms: number; search: SearchResult } {
  let search = greedyPlan(inst, k)
  const runs: number[] = []
  for (let i = 0; i < 3; i++) {
    const t = performance.now()
    search = greedyPlan(inst, k)
    runs.push(performance.now() - t)
  }
  return { chosen: search.chosen, ms: median(runs), search }
}

async function suite(timeLimitS: number): Promise<void> {
  const out = process.env.BENCH_PATROL_JSON ?? 'bench-results/patrols.json'
  console.log(`\n# 8. patrol siting: ${PATROL_SUITE.length} instances over the demo data (4,000 seeded incidents, route catalogue);`)
  console.log(`#    greedy = lazy greedy, Lagrangian bound + seeded local search; exact = HiGHS MIP in a worker (limit ${timeLimitS} s); results to ${out}`)
  const dbs = await scratchDatabases('pats')
  const { name, config } = dbs[dbs.length - 1]
  const app = await startApp(config)
  const rows: PatrolBenchRow[] = []
  try {
    await seedDemoIncidents(app.db)
    // BENCH_PATROL_ONLY=<part of a name>: those instances only, to iterate on one (no JSON written)
    const only = process.env.BENCH_PATROL_ONLY?.toLowerCase()
    for (const c of PATROL_SUITE.filter((c) => !only || c.name.toLowerCase().includes(only))) {
      const { inst } = await planInstance(app.db, c.req)
      const k = c.req.k
      const swap = coveredWeight(inst, swapSearch(inst, lazyGreedy(inst, k).chosen, MAX_SWAPS).chosen)
      const greedy = timeGreedy(inst, k)
      const greedyCovered = coveredWeight(inst, greedy.chosen)
      const t = performance.now()
      const model = buildMclpModel(inst, k)
      const exact = await solveInWorker(model, { integer: true, timeLimitS, start: mipStart(model, inst, greedy.chosen) })
      const exactMs = performance.now() - t
      const exactCovered = exact.colValue ? coveredWeight(inst, chosenSites(model, exact.colValue)) : NaN
      const lp = await solveInWorker(model, { integer: false, timeLimitS })
      const r: PatrolBenchRow = {
        name: c.name,
        k,
        radius_km: c.req.radiusKm,
        min_spacing_km: c.req.minSpacingKm,
        existing_sites: c.req.existing.length,
        candidates: inst.m,
        demand_cells: inst.n,
        swap_covered: swap,
        greedy_covered: greedyCovered,
        greedy_ms: greedy.ms,
        lagrangian_gap: (greedy.search.bound - greedy.search.covered) / greedy.search.bound,
        stopped_by_bound: greedy.search.stats.stoppedByBound,
        searches: greedy.search.stats.searches,
        exact_covered: exactCovered,
        exact_status: exact.status,
        exact_ms: exactMs,
        exact_solver_ms: exact.seconds * 1000,
        lp_bound: lp.bound,
        greedy_ratio: greedyCovered / exactCovered,
        swap_ratio: swap / exactCovered,
        time_ratio: exactMs / greedy.ms,
        lp_gap: lp.bound ? Math.max(0, (lp.bound - exactCovered) / lp.bound) : null,
        greedy_lp_gap: lp.bound ? Math.max(0, (lp.bound - greedyCovered) / lp.bound) : null,
      }
      rows.push(r)
      row(`${name}: ${c.name}`, `${r.greedy_ratio.toFixed(4)}`, r.time_ratio, `faster; greedy ${r.greedy_ms.toFixed(0)} ms, exact ${r.exact_ms.toFixed(0)} ms (${r.exact_status})`)
      console.log(`${''.padEnd(4)}m ${r.candidates}, n ${r.demand_cells}; covered greedy ${greedyCovered.toFixed(6)} / exact ${exactCovered.toFixed(6)} / LP ${lp.bound?.toFixed(6)}; LP gap ${((r.lp_gap ?? NaN) * 100).toFixed(2)}%; greedy + swaps alone ${r.swap_ratio.toFixed(4)}`)
      console.log(`${''.padEnd(4)}Lagrangian gap ${(r.lagrangian_gap * 100).toFixed(3)}%${r.stopped_by_bound ? ' (stopped the search)' : ''}; ${r.searches} local searches; HiGHS ${exact.seconds.toFixed(2)} s of the exact ${(exactMs / 1000).toFixed(2)} s`)
    }
    const ratios = rows.map((r) => r.greedy_ratio)
    const greedyMs = rows.reduce((s, r) => s + r.greedy_ms, 0)
    const exactMs = rows.reduce((s, r) => s + r.exact_ms, 0)
    const summary = {
      min_ratio: Math.min(...ratios),
      mean_ratio: ratios.reduce((a, b) => a + b, 0) / ratios.length,
      min_swap_ratio: Math.min(...rows.map((r) => r.swap_ratio)),
      mean_swap_ratio: rows.reduce((s, r) => s + r.swap_ratio, 0) / rows.length,
      greedy_ms: greedyMs,
      exact_ms: exactMs,
      time_ratio: exactMs / greedyMs,
      min_time_ratio: Math.min(...rows.map((r) => r.time_ratio)),
    }
    row('greedy / exact, worst instance (target ≥ 0.98)', summary.min_ratio.toFixed(4))
    row('greedy / exact, mean (target ≥ 0.995)', summary.mean_ratio.toFixed(4))
    row('greedy + swaps alone / exact: worst, mean', `${summary.min_swap_ratio.toFixed(4)}, ${summary.mean_swap_ratio.toFixed(4)}`)
    row('all instances: greedy ms, exact ms', `${greedyMs.toFixed(0)}, ${exactMs.toFixed(0)}`, summary.time_ratio, '(exact time / greedy time; target ≥ 20)')
    row('slowest ratio on one instance', `${summary.min_time_ratio.toFixed(1)}x`)
    if (only) return console.log(`#    BENCH_PATROL_ONLY set: ${rows.length} of ${PATROL_SUITE.length} instances, ${out} not written`)
    mkdirSync(dirname(out), { recursive: true })
    writeFileSync(out, `${JSON.stringify({ measured_at: new Date().toISOString(), driver: name, time_limit_s: timeLimitS, summary, instances: rows }, null, 2)}\n`)
  } finally {
    await app.close()
    for (const d of dbs) await d.drop()
  }
}

async function scale(timeLimitS: number): Promise<void> {
  console.log('\n# 8b. patrol siting at scale: res-6 candidates within 100 km of every member-state border; demand on res-5 cells from')
  console.log(`#    1,000,000 incidents (weight 1) + route-km (weight 0.5); k=10, reach 80 km, no spacing; exact limit ${timeLimitS} s`)
  const dbs = await scratchDatabases('pat')
  // the server when DATABASE_URL is set, else PGlite
  const { name, config } = dbs[dbs.length - 1]
  const app = await startApp(config)
  try {
    let t = performance.now()
    await loadMillion(app.db, syntheticIncidents(catalogueRoutes(), mulberry32(8), { count: 200_000 }))
    row(`${name}: generate 1,000,000 incidents`, `${((performance.now() - t) / 1000).toFixed(1)} s`)
    // every row of borders has a member state on one side (geo/borders.ts)
    const pairs = (await app.db.query<{ a_iso3: string; b_iso3: string }>('SELECT a_iso3, b_iso3 FROM borders ORDER BY 1, 2')).map((r) => [r.a_iso3, r.b_iso3] as [string, string])
    t = performance.now()
    const cand = await candidateSites(app.db, { h3Res: 6, pairs, borderKm: 100, countries: null, polygon: null, exclude: null })
    row(`${name}: candidates (${pairs.length} borders, h3-js + exact PostGIS filter)`, `${cand.points.length}`, undefined)
    row('  time', `${((performance.now() - t) / 1000).toFixed(1)} s`)
    t = performance.now()
    const demand = await gatherDemand(app.db, { h3Res: 5, incidents: { weight: 1, filter: {}, sum: null }, routes: { weight: 0.5, families: null } })
    const inst = buildCoverage({ candidates: cand.points, demand: demand.points, weights: demand.weights, radiusKm: 80 })
    row(`demand cells / coverage entries (built in ${((performance.now() - t) / 1000).toFixed(1)} s)`, `${inst.n} / ${inst.covIdx.length}`)
    const greedy = timeGreedy(inst, 10)
    const greedyCovered = coveredWeight(inst, greedy.chosen)
    t = performance.now()
    const model = buildMclpModel(inst, 10)
    const exact = await solveInWorker(model, { integer: true, timeLimitS, start: mipStart(model, inst, greedy.chosen) })
    const exactMs = performance.now() - t
    const exactCovered = exact.colValue ? coveredWeight(inst, chosenSites(model, exact.colValue)) : NaN
    row('greedy method (median of 3)', `${greedy.ms.toFixed(0)} ms`)
    row(`exact MIP in a worker (${model.siteCols} site cols, ${model.numRows} rows; ${exact.status})`, `${exactMs.toFixed(0)} ms`, exactMs / greedy.ms, '(exact time / greedy time; target ≥ 20)')
    row(`covered demand (of ${inst.weights.reduce((a, b) => a + b, 0).toFixed(2)}): greedy / exact / bound`, `${greedyCovered.toFixed(4)} / ${exactCovered.toFixed(4)} / ${exact.bound?.toFixed(4)}`)
    row('greedy coverage / exact optimum (target ≥ 0.98)', (greedyCovered / exactCovered).toFixed(5))
    row('peak resident memory of the bench process', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
  } finally {
    await app.close()
    for (const d of dbs) await d.drop()
  }
}

export async function patrolSiting(): Promise<void> {
  const timeLimitS = Number(process.env.BENCH_PATROL_TIME_LIMIT ?? 300)
  await suite(timeLimitS)
  if (process.env.BENCH_PATROL_SCALE === '1') await scale(timeLimitS)
}
