import { describe, expect, it } from 'vitest'
import type { PlanResult } from './plan-api.ts'
import { compareRows, formatRatio } from './plan-compare.ts'
import { plannerStrings } from './strings.ts'

const plan = (over: Partial<PlanResult>): PlanResult => ({
  method: 'greedy', status: 'heuristic', k: 3, radius_km: 80, min_spacing_km: 0, sites: [], shortfall: 0, total_demand: 1,
  covered_demand: 0.035, coverage_ratio: 0.035331, bound: 0.0359, bound_source: 'lp', gap: 0.015013,
  incidents: { total: 0, covered: 0, ratio: 0 }, route_km: { total: 51174.6, covered: 1808.1, ratio: 0.035 }, covered_cells: [],
  ...over,
})
const sites = (n: number) => Array.from({ length: n }, (_, i) => ({
  order: i + 1, kind: 'new' as const, name: null, lng: 14, lat: 22, h3: null, country: null, border_pair: null, border_km: null, covered_demand: 0, marginal_gain: 0,
}))

describe('compareRows', () => {
  it('lists k, reach, sites, coverage, gap and method of both runs side by side', () => {
    const current = plan({ k: 3, sites: sites(4), coverage_ratio: 0.041, gap: 0.012 })
    const previous = plan({ k: 3, radius_km: 120, sites: sites(3), method: 'exact', status: 'optimal', gap: 0 })
    expect(compareRows(current, previous, 'en', plannerStrings('en')).map((r) => [r.key, r.label, r.current, r.previous])).toEqual([
      ['k', 'New sites', '3', '3'],
      ['reach', 'Reach', '80 km', '120 km'],
      ['sites', 'Sites drawn', '4', '3'],
      ['coverage', 'Coverage', '4.1%', '3.5%'],
      ['gap', 'Gap', '1.2%', '0.0%'],
      ['method', 'Method', 'greedy (heuristic)', 'exact (proven optimal)'],
    ])
  })

  it('writes percentages the French way', () => {
    expect(formatRatio(0.035331, 'fr')).toBe('3,5\u00a0%')
  })
})
