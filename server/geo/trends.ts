// Emerging hot spot analysis over H3 cells: per time bin a Gi* z-score for every cell of the
// study area (FDR-corrected, significant at 90%), then per cell a Mann-Kendall trend of its
// z-scores and an Emerging Hot Spot category (see emerging.ts and docs/hotspots.md).
import { emergingCell, type BinState, type EmergingCategory } from '../../shared/emerging.ts'
import { roundDecimals as round } from '../../shared/decimals.ts'
import { bhAdjust } from '../../shared/fdr.ts'
import { giStarZ, neighbourhoods } from '../../shared/gistar.ts'
import type { MannKendall } from '../../shared/mann-kendall.ts'
import { twoSidedP } from '../../shared/normal.ts'

export interface TrendCell {
  h3: string
  /** incidents over all bins */
  n: number
  category: EmergingCategory
  /** Mann-Kendall of the cell's Gi* z-scores; null below 3 bins */
  trend: Pick<MannKendall, 's' | 'z' | 'p' | 'tau'> | null
  /** per bin, aligned with the bins list: incidents, Gi* z-score, +1 hot / −1 cold / 0 */
  counts: number[]
  z: number[]
  states: BinState[]
}

/** Significance level of a bin's hot or cold spot, on BH-adjusted p-values. */
export const BIN_ALPHA = 0.1

/**
 * Trend cells from per-(cell, bin) counts; bins are the ordered bin starts (empty ones included).
 * Cells without incidents are returned only when their category is not no_pattern.
 */
export function emergingHotspots(rows: readonly { h3: string; bin: string; n: number }[], bins: readonly string[], k = 1): TrendCell[] {
  const binIndex = new Map(bins.map((b, i) => [b, i]))
  const cellIds = [...new Set(rows.map((r) => r.h3))]
  const nb = neighbourhoods(cellIds, k, true)
  const m = nb.cells.length
  const counts = Array.from({ length: bins.length }, () => new Float64Array(m))
  const cellIndex = new Map(nb.cells.map((c, i) => [c, i]))
  for (const r of rows) {
    const b = binIndex.get(r.bin)
    if (b === undefined) throw new Error(`bin ${r.bin} is not in the bin list`)
    counts[b][cellIndex.get(r.h3)!] += r.n
  }
  const zs = counts.map((values) => giStarZ(nb, values))
  const states = zs.map((z) => {
    const q = bhAdjust(Float64Array.from(z, twoSidedP))
    return Array.from(z, (zi, i): BinState => (q[i] <= BIN_ALPHA && zi !== 0 ? (zi > 0 ? 1 : -1) : 0))
  })
  const out: TrendCell[] = []
  for (let i = 0; i < m; i++) {
    const z = zs.map((zb) => zb[i])
    const s = states.map((sb) => sb[i])
    const c = counts.map((cb) => cb[i])
    const n = c.reduce((a, b) => a + b, 0)
    const { category, trend } = emergingCell(z, s)
    if (n === 0 && category === 'no_pattern') continue
    out.push({
      h3: nb.cells[i],
      n,
      category,
      trend: trend && { s: trend.s, z: round(trend.z, 4), p: round(trend.p, 6), tau: round(trend.tau, 4) },
      counts: c,
      z: z.map((v) => round(v, 4)),
      states: s,
    })
  }
  return out
}
