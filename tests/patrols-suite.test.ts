// Issue 13: the greedy method within 2% of the exact optimum under every constraint, through
// app.inject on each driver: six instances over the demo data (spacing, existing posts, one and
// several border pairs, res-5 and res-6 cells, incidents only and blended with route-km).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { distanceKm } from '../shared/great-circle.ts'
import { seedDemoIncidents } from '../server/import/seed-demo.ts'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'

const MADAMA = { lng: 13.65, lat: 21.96, name: 'Madama' }
const WOUR = { lng: 15.35, lat: 21.35, name: 'Wour' }
const TRI = [['LBY', 'NER'], ['NER', 'TCD'], ['LBY', 'TCD']]
const SAHARA = [['DZA', 'MLI'], ['DZA', 'NER'], ['DZA', 'LBY'], ['LBY', 'NER'], ['LBY', 'TCD'], ['MLI', 'NER'], ['NER', 'TCD']]
const blended = (h3_res: number) => ({ h3_res, incidents: { weight: 1 }, route_km: { weight: 1 } })
const incidentsOnly = (h3_res: number) => ({ h3_res, incidents: { weight: 1 } })

const SUITE: [string, Record<string, unknown>][] = [
  // the instance: greedy + swaps alone reached 0.947 of the optimum here
  ['LBY-NER k4 80 km spacing 60, blended', { k: 4, radius_km: 80, min_spacing_km: 60, demand: blended(6), candidates: { h3_res: 5, border_pairs: [['LBY', 'NER']], border_km: 100 } }],
  ['LBY-NER k3 40 km, res-6 candidates, incidents', { k: 3, radius_km: 40, demand: incidentsOnly(6), candidates: { h3_res: 6, border_pairs: [['LBY', 'NER']], border_km: 60 } }],
  ['tri-border k6 80 km spacing 60, 2 posts', { k: 6, radius_km: 80, min_spacing_km: 60, existing_sites: [MADAMA, WOUR], demand: { h3_res: 6, incidents: { weight: 1 }, route_km: { weight: 0.5 } }, candidates: { h3_res: 5, border_pairs: TRI, border_km: 50 } }],
  ['DZA-MLI/DZA-NER k5 150 km, res-5 demand', { k: 5, radius_km: 150, demand: blended(5), candidates: { h3_res: 5, border_pairs: [['DZA', 'MLI'], ['DZA', 'NER']], border_km: 100 } }],
  ['central Sahara k15 80 km, incidents', { k: 15, radius_km: 80, demand: incidentsOnly(6), candidates: { h3_res: 5, border_pairs: SAHARA, border_km: 50 } }],
  // spacing with a large k: the search before the Lagrangian bound reached 0.974 of the optimum here;
  // HiGHS needs about 40 s for it, so a longer limit than the others
  ['central Sahara k20 120 km spacing 150, res-5 demand', { k: 20, radius_km: 120, min_spacing_km: 150, time_limit_s: 240, demand: blended(5), candidates: { h3_res: 5, border_pairs: SAHARA, border_km: 80 } }],
]

describe.each(testDrivers())('greedy against exact on the patrol suite on %s', (driver) => {
  let t: TestApp
  const results = new Map<string, { greedy: any; exact: any }>()
  const plan = async (body: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/patrols/plan', payload: { time_limit_s: 60, ...body } })
    expect(res.statusCode).toBe(200)
    return res.json()
  }
  beforeAll(async () => {
    t = await build(driver)
    await seedDemoIncidents(t.app.db)
    // greedy plans without the LP bound (no solver): the ratio needs only the exact optimum
    for (const [name, body] of SUITE) results.set(name, { greedy: await plan({ ...body, lp_bound: false }), exact: await plan({ ...body, method: 'exact' }) })
  })
  afterAll(async () => t?.close())

  it.each(SUITE.map(([name]) => name))('%s: greedy covers at least 0.98 of the proven optimum', (name) => {
    const { greedy, exact } = results.get(name)!
    expect(exact.status).toBe('optimal')
    expect(exact.gap).toBeLessThan(1e-4)
    expect(greedy.status).toBe('heuristic')
    expect(greedy.shortfall).toBe(0)
    expect(greedy.covered_demand).toBeLessThanOrEqual(exact.covered_demand + 1e-6)
    expect(greedy.covered_demand / exact.covered_demand).toBeGreaterThanOrEqual(0.98)
  })

  it('averages at least 0.995 of the optimum over the suite', () => {
    const ratios = [...results.values()].map((r) => r.greedy.covered_demand / r.exact.covered_demand)
    expect(ratios.reduce((a, b) => a + b, 0) / ratios.length).toBeGreaterThanOrEqual(0.995)
  })

  it('keeps the spacing between the greedy sites, new and existing', () => {
    for (const [name, body] of SUITE) {
      const spacing = (body.min_spacing_km as number | undefined) ?? 0
      const sites = results.get(name)!.greedy.sites
      for (let a = 0; a < sites.length; a++) {
        for (let b = a + 1; b < sites.length; b++) {
          if (sites[b].kind === 'new') expect(distanceKm([sites[a].lng, sites[a].lat], [sites[b].lng, sites[b].lat])).toBeGreaterThanOrEqual(spacing)
        }
      }
    }
  })

  it('bounds a greedy plan by the LP relaxation, within 2% of it here, without a warning', async () => {
    const [name, body] = SUITE[0]
    const p = await plan(body)
    expect(p.bound_source).toBe('lp')
    expect(p.covered_demand).toBeCloseTo(results.get(name)!.greedy.covered_demand, 9)
    expect(p.bound).toBeGreaterThanOrEqual(results.get(name)!.exact.covered_demand - 1e-6)
    expect(p.gap).toBeLessThanOrEqual(0.02)
    expect(p.gap_warning).toBe(false)
    expect(p.gap_message).toBeNull()
  })

  it('says when the gap to the bound exceeds 2% (the looser submodular bound), and names the exact method', () => {
    const { greedy, exact } = results.get(SUITE[0][0])!
    expect(greedy.bound_source).toBe('submodular')
    expect(greedy.gap).toBeGreaterThan(0.02)
    expect(greedy.gap_warning).toBe(true)
    expect(greedy.gap_message).toContain('"exact"')
    expect(greedy.gap_message).toContain(`${(greedy.gap * 100).toFixed(1)}%`)
    expect(exact.gap_warning).toBe(false)
    expect(exact.gap_message).toBeNull()
  })
})
