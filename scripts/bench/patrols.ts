// Bench section 8: patrol siting, greedy against the exact optimum.
import { startApp } from '../../server/start.ts'
import { mulberry32 } from '../../server/geo/prng.ts'
import { syntheticIncidents } from '../../server/geo/synthetic.ts'
import { buildCoverage, coveredWeight } from '../../server/geo/coverage/coverage-sets.ts'
import { lazyGreedy } from '../../server/geo/coverage/greedy.ts'
import { buildMclpModel, chosenSites, mipStart } from '../../server/geo/coverage/mip-model.ts'
import { swapSearch } from '../../server/geo/coverage/swap.ts'
import { candidateSites } from '../../server/patrols/candidates.ts'
import { gatherDemand } from '../../server/patrols/demand.ts'
import { MAX_SWAPS } from '../../server/patrols/plan.ts'
import { solveInWorker } from '../../server/patrols/solve-in-worker.ts'
import { median, row, scratchDatabases } from './common.ts'
import { catalogueRoutes, loadMillion } from './incident-data.ts'

export async function patrolSiting(): Promise<void> {
  const timeLimitS = Number(process.env.BENCH_PATROL_TIME_LIMIT ?? 300)
  console.log('\n# 8. patrol siting: res-6 candidates within 100 km of every member-state border; demand on res-5 cells from')
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
    const runs: number[] = []
    let greedy: number[] = []
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now()
      greedy = swapSearch(inst, lazyGreedy(inst, 10).chosen, MAX_SWAPS).chosen
      runs.push(performance.now() - t0)
    }
    const greedyMs = median(runs)
    const greedyCovered = coveredWeight(inst, greedy)
    t = performance.now()
    const model = buildMclpModel(inst, 10)
    const exact = await solveInWorker(model, { integer: true, timeLimitS, start: mipStart(model, inst, greedy) })
    const exactMs = performance.now() - t
    const exactCovered = exact.colValue ? coveredWeight(inst, chosenSites(model, exact.colValue)) : NaN
    row('lazy greedy + swaps (median of 3)', `${greedyMs.toFixed(0)} ms`)
    row(`exact MIP in a worker (${model.siteCols} site cols, ${model.numRows} rows; ${exact.status})`, `${exactMs.toFixed(0)} ms`, exactMs / greedyMs, '(exact time / greedy time; target ≥ 20)')
    row(`covered demand (of ${inst.weights.reduce((a, b) => a + b, 0).toFixed(2)}): greedy / exact / bound`, `${greedyCovered.toFixed(4)} / ${exactCovered.toFixed(4)} / ${exact.bound?.toFixed(4)}`)
    row('greedy coverage / exact optimum (target ≥ 0.98)', (greedyCovered / exactCovered).toFixed(5))
    row('peak resident memory of the bench process', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
  } finally {
    await app.close()
    for (const d of dbs) await d.drop()
  }
}
