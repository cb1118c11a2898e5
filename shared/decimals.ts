// Numbers rounded to a fixed count of decimals, as the statistics answers carry them (Gi* and
// trend z-scores to 4, p-values to 6): more digits would be noise and cost the answer bytes.

/** 10^d for d = 0..15 (a table: 10 ** d per call costs a third of rounding ~850,000 Gi* numbers). */
export const POWERS_OF_TEN = Array.from({ length: 16 }, (_, d) => 10 ** d)

/** x rounded to `digits` (0..15) decimals (half up), with -0 written as 0. */
export function roundDecimals(x: number, digits: number): number {
  const f = POWERS_OF_TEN[digits]
  return Math.round(x * f) / f + 0
}
