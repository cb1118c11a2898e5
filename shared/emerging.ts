// Emerging hot spot categories per cell, after ArcGIS Pro "How Emerging Hot Spot Analysis works":
// each time bin of a cell is a significant hot spot, cold spot or neither (Gi* with FDR at 90%),
// and the Mann-Kendall trend of its Gi* z-scores says whether clustering intensifies or fades.
import { mannKendall, type MannKendall } from './mann-kendall.ts'

export const EMERGING_PATTERNS = ['new', 'consecutive', 'intensifying', 'persistent', 'diminishing', 'sporadic', 'oscillating', 'historical'] as const
export type EmergingPattern = (typeof EMERGING_PATTERNS)[number]
/** e.g. "new_hot", "historical_cold", or "no_pattern" */
export type EmergingCategory = `${EmergingPattern}_${'hot' | 'cold'}` | 'no_pattern'

/** Per bin: +1 significant hot spot, −1 significant cold spot, 0 neither. */
export type BinState = -1 | 0 | 1

/** Share of bins a cell must be hot (or cold) in to be persistent, intensifying, diminishing or historical. */
export const PERSISTENT_SHARE = 0.9
/** Significance level of the Mann-Kendall trend for intensifying and diminishing. */
export const TREND_ALPHA = 0.05

/**
 * Category of one cell from its bin states (time order) and the Mann-Kendall test of its
 * Gi* z-scores. Hot patterns are tested first, then the same rules mirrored for cold.
 */
export function emergingCategory(states: readonly BinState[], trend: Pick<MannKendall, 'z' | 'p'> | null): EmergingCategory {
  return pattern(states, 1, trend) ?? pattern(states, -1, trend) ?? 'no_pattern'
}

function pattern(states: readonly BinState[], side: 1 | -1, trend: Pick<MannKendall, 'z' | 'p'> | null): EmergingCategory | null {
  const n = states.length
  if (n === 0) return null
  const suffix = side === 1 ? 'hot' : 'cold'
  const isSide = (s: BinState) => s === side
  const count = states.filter(isSide).length
  if (count === 0) return null
  const last = isSide(states[n - 1])
  const mostly = count >= PERSISTENT_SHARE * n
  // the trend is "towards" the side when z-scores grow for hot and shrink for cold
  const towards = trend !== null && trend.p < TREND_ALPHA && Math.sign(trend.z) === side
  const away = trend !== null && trend.p < TREND_ALPHA && Math.sign(trend.z) === -side
  if (last) {
    // New: significant in the final bin only, never before.
    if (count === 1) return `new_${suffix}`
    if (mostly) {
      if (towards) return `intensifying_${suffix}`
      if (away) return `diminishing_${suffix}`
      return `persistent_${suffix}`
    }
    // Oscillating: final bin significant, and an opposite spot in some earlier bin.
    if (states.some((s) => s === -side)) return `oscillating_${suffix}`
    // Consecutive: one uninterrupted run of ≥ 2 significant bins at the end, never before it.
    let run = 0
    while (run < n && isSide(states[n - 1 - run])) run++
    if (run === count && run >= 2) return `consecutive_${suffix}`
    return `sporadic_${suffix}`
  }
  // Historical: not significant in the final bin but in at least 90% of bins.
  if (mostly) return `historical_${suffix}`
  // Persistent does not require the final bin in ESRI's wording, but historical takes precedence.
  // Sporadic: on-again off-again, never an opposite spot.
  if (!states.some((s) => s === -side)) return `sporadic_${suffix}`
  return null
}

/** Category and trend of a cell from its Gi* z-scores and bin states; the trend is null below 3 bins. */
export function emergingCell(zScores: ArrayLike<number>, states: readonly BinState[]): { category: EmergingCategory; trend: MannKendall | null } {
  const trend = zScores.length >= 3 ? mannKendall(zScores) : null
  return { category: emergingCategory(states, trend), trend }
}
