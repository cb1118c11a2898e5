// The planner's numbers as text, and the two-column comparison of the last two runs. Pure.

import type { Locale } from '../ui/strings.ts'
import type { PlanResult } from './plan-api.ts'
import type { PlannerStrings } from './strings.ts'

/** A ratio 0..1 as a percentage with one decimal: `0.035331` → `3.5%`. */
export function formatRatio(ratio: number, locale: Locale): string {
  if (!Number.isFinite(ratio)) return '–'
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ratio)
}

/** A demand share (demand totals the weights, e.g. 1.5) with four significant digits. */
export function formatDemand(value: number, locale: Locale): string {
  if (!Number.isFinite(value)) return '–'
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: 4 }).format(value)
}

/** A whole count or km: `1808.1` → `1,808`. */
export function formatWhole(value: number, locale: Locale): string {
  return Number.isFinite(value) ? new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value) : '–'
}

/** One row of the comparison: a label, then this run's and the previous run's values. */
export interface CompareRow {
  key: 'k' | 'reach' | 'sites' | 'coverage' | 'gap' | 'method'
  label: string
  current: string
  previous: string
}

/** The comparison of the current run with the previous one: k, reach, sites, coverage, gap, method. */
export function compareRows(current: PlanResult, previous: PlanResult, locale: Locale, s: PlannerStrings): CompareRow[] {
  const values = (p: PlanResult): Record<CompareRow['key'], string> => ({
    k: String(p.k),
    reach: `${formatWhole(p.radius_km, locale)} ${s.km}`,
    sites: String(p.sites.length),
    coverage: formatRatio(p.coverage_ratio, locale),
    gap: formatRatio(p.gap, locale),
    method: `${p.method} (${s.statuses[p.status] ?? p.status})`,
  })
  const [a, b] = [values(current), values(previous)]
  const labels: Record<CompareRow['key'], string> = { k: s.rowK, reach: s.rowReach, sites: s.rowSites, coverage: s.rowCoverage, gap: s.rowGap, method: s.rowMethod }
  return (Object.keys(labels) as CompareRow['key'][]).map((key) => ({ key, label: labels[key], current: a[key], previous: b[key] }))
}
