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
  for (let i = 0; i < m; i++) q[i] = byRank[lastAtMost(sorted, pValues[i])]
  return q
}

/**
 * bhAdjust of p-values given once each with their number of occurrences: q of distinct value i
 * occurring counts[i] times among m = Σ counts tests, bit for bit what bhAdjust gives each of its
 * copies (a tie's q is the one of its last rank). Gi* p-values repeat (zero-filled neighbours,
 * equal neighbour sums): ~280,000 cells hold a few ten thousand values.
 */
export function bhAdjustCounted(pValues: ArrayLike<number>, counts: ArrayLike<number>): Float64Array {
  const d = pValues.length
  if (counts.length !== d) throw new Error(`counts must have one entry per p-value (${d}), got ${counts.length}`)
  let m = 0
  for (let i = 0; i < d; i++) {
    const p = pValues[i]
    if (!(p >= 0 && p <= 1)) throw new Error(`p-values must be between 0 and 1, got ${p} at index ${i}`)
    if (!(Number.isInteger(counts[i]) && counts[i] >= 1)) throw new Error(`counts must be positive integers, got ${counts[i]} at index ${i}`)
    m += counts[i]
  }
  const q = new Float64Array(d)
  if (d === 0) return q
  const sorted = Float64Array.from(pValues).sort()
  // each value's occurrences gathered at the last sorted position holding it (equal p-values of
  // distinct entries are one tie); positions holding none are skipped
  const at = new Int32Array(d)
  const occurrences = new Float64Array(d)
  for (let i = 0; i < d; i++) {
    at[i] = lastAtMost(sorted, pValues[i])
    occurrences[at[i]] += counts[i]
  }
  // the tie's last rank, then the running minimum from the top rank down, as bhAdjust
  const lastRank = new Float64Array(d)
  for (let pos = 0, rank = 0; pos < d; pos++) lastRank[pos] = rank += occurrences[pos]
  const byPosition = new Float64Array(d)
  let running = 1
  for (let pos = d - 1; pos >= 0; pos--) {
    if (occurrences[pos] === 0) continue
    running = Math.min(running, (m / lastRank[pos]) * sorted[pos])
    byPosition[pos] = running
  }
  for (let i = 0; i < d; i++) q[i] = byPosition[at[i]]
  return q
}

/** The last index of sorted (ascending) holding a value <= p. */
function lastAtMost(sorted: Float64Array, p: number): number {
  let lo = 0
  let hi = sorted.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (sorted[mid] <= p) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** How many of the m tests BH rejects at FDR level alpha (the step-up rule's largest k). */
export function bhRejections(pValues: ArrayLike<number>, alpha: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new Error(`alpha must be between 0 and 1, got ${alpha}`)
  const sorted = Float64Array.from(pValues).sort()
  let k = 0
  for (let i = 0; i < sorted.length; i++) if (sorted[i] <= ((i + 1) / sorted.length) * alpha) k = i + 1
  return k
}
