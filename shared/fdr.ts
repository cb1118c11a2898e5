// Benjamini–Hochberg false discovery rate control (Benjamini & Hochberg 1995), as R's
// p.adjust(p, "BH") computes it: q_(i) = min over j >= i of (m / j) * p_(j), capped at 1.

/** BH-adjusted p-values (q-values), in the input order; a test is significant at level a when q <= a. */
export function bhAdjust(pValues: ArrayLike<number>): Float64Array {
  const m = pValues.length
  const q = new Float64Array(m)
  if (m === 0) return q
  for (let i = 0; i < m; i++) {
    const p = pValues[i]
    if (!(p >= 0 && p <= 1)) throw new Error(`p-values must be between 0 and 1, got ${p} at index ${i}`)
  }
  // q by rank over the sorted p-values (a numeric typed-array sort, not an index sort with a
  // comparator: 280,000 p-values in tens of ms); tied p-values share one q whatever their order
  // (the running minimum reaches the tie's highest rank first), so each value takes the q of the
  // last rank holding it
  const sorted = Float64Array.from(pValues).sort()
  const byRank = new Float64Array(m)
  let running = 1
  for (let rank = m; rank >= 1; rank--) {
    running = Math.min(running, (m / rank) * sorted[rank - 1])
    byRank[rank - 1] = running
  }
  for (let i = 0; i < m; i++) {
    const p = pValues[i]
    let lo = 0
    let hi = m - 1
    // the last index holding a value <= p
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if (sorted[mid] <= p) lo = mid
      else hi = mid - 1
    }
    q[i] = byRank[lo]
  }
  return q
}

/** How many of the m tests BH rejects at FDR level alpha (the step-up rule's largest k). */
export function bhRejections(pValues: ArrayLike<number>, alpha: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new Error(`alpha must be between 0 and 1, got ${alpha}`)
  const sorted = Float64Array.from(pValues).sort()
  let k = 0
  for (let i = 0; i < sorted.length; i++) if (sorted[i] <= ((i + 1) / sorted.length) * alpha) k = i + 1
  return k
}
