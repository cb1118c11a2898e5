// Mann-Kendall trend test (Mann 1945, Kendall 1975) with the tie correction of the variance,
// as in Gilbert (1987) §16.4 and R's Kendall::MannKendall (whose tau is tau-b).
import { twoSidedP } from './normal.ts'

export interface MannKendall {
  /** S = Σ_{i<j} sign(x_j − x_i) */
  s: number
  /** Var(S) with the tie correction */
  varS: number
  /** continuity-corrected z: (S − 1)/√Var(S) when S > 0, (S + 1)/√Var(S) when S < 0, else 0 */
  z: number
  /** two-sided p-value of z */
  p: number
  /** Kendall's tau-b between the series and time */
  tau: number
}

/** Mann-Kendall S, its tie-corrected variance, z, two-sided p and tau-b of a series in time order. */
export function mannKendall(series: ArrayLike<number>): MannKendall {
  const n = series.length
  if (n < 3) throw new Error(`mannKendall needs at least 3 values, got ${n}`)
  let s = 0
  for (let i = 0; i < n - 1; i++) {
    const xi = series[i]
    for (let j = i + 1; j < n; j++) s += Math.sign(series[j] - xi)
  }
  // tie groups: Σ t(t−1)(2t+5) and Σ t(t−1)/2 over groups of equal values
  const counts = new Map<number, number>()
  for (let i = 0; i < n; i++) counts.set(series[i], (counts.get(series[i]) ?? 0) + 1)
  let tieVar = 0
  let tiePairs = 0
  for (const t of counts.values()) {
    tieVar += t * (t - 1) * (2 * t + 5)
    tiePairs += (t * (t - 1)) / 2
  }
  const varS = (n * (n - 1) * (2 * n + 5) - tieVar) / 18
  const z = varS === 0 || s === 0 ? 0 : (s - Math.sign(s)) / Math.sqrt(varS)
  const pairs = (n * (n - 1)) / 2
  const denominator = Math.sqrt((pairs - tiePairs) * pairs)
  return { s, varS, z, p: varS === 0 ? 1 : twoSidedP(z), tau: denominator === 0 ? 0 : s / denominator }
}
