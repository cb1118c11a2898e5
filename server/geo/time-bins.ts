// Calendar bins for trend analysis: months and quarters as their first day, ISO dates (UTC).

export type TimeBin = 'month' | 'quarter'

/** The first day of the bin holding an ISO date: 2024-05-17 → 2024-05-01 (month), 2024-04-01 (quarter). */
export function binStart(isoDate: string, bin: TimeBin): string {
  const year = Number(isoDate.slice(0, 4))
  const month = Number(isoDate.slice(5, 7))
  const first = bin === 'month' ? month : month - ((month - 1) % 3)
  return `${year}-${String(first).padStart(2, '0')}-01`
}

/** Every bin from the one holding `from` to the one holding `to`, inclusive, in order. */
export function binSequence(from: string, to: string, bin: TimeBin): string[] {
  const step = bin === 'month' ? 1 : 3
  const start = binStart(from, bin)
  const end = binStart(to, bin)
  if (start > end) throw new Error(`from must not be after to, got ${from} .. ${to}`)
  const out: string[] = []
  let y = Number(start.slice(0, 4))
  let m = Number(start.slice(5, 7))
  for (;;) {
    const d = `${y}-${String(m).padStart(2, '0')}-01`
    if (d > end) return out
    out.push(d)
    m += step
    if (m > 12) {
      m -= 12
      y++
    }
    if (out.length > 10_000) throw new Error('more than 10,000 bins: narrow from..to')
  }
}
