// Months for the time-range slider and its playback. A month is an integer index (year·12 +
// month − 1), so stepping is arithmetic; dates are ISO YYYY-MM-DD, inclusive, as the API takes.

/** Inclusive range of month indices. */
export interface MonthWindow {
  from: number
  to: number
}

/** The month index of an ISO date: 2024-05-17 → 2024·12 + 4. */
export function monthIndex(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4))
  const month = Number(isoDate.slice(5, 7))
  if (!Number.isInteger(year) || !(month >= 1 && month <= 12)) throw new Error(`monthIndex needs YYYY-MM-DD, got "${isoDate}"`)
  return year * 12 + month - 1
}

/** The first day of a month index, YYYY-MM-01. */
export function monthStart(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`
}

/** The last day of a month index: 2024-02 → 2024-02-29. */
export function monthEnd(index: number): string {
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(days).padStart(2, '0')}`
}

/** The months of the state's `from`/`to` within `extent`; a missing end takes the extent's. */
export function windowOf(time: { from: string | null; to: string | null }, extent: MonthWindow): MonthWindow {
  const clamp = (m: number) => Math.min(extent.to, Math.max(extent.from, m))
  const from = time.from ? clamp(monthIndex(time.from)) : extent.from
  const to = time.to ? clamp(monthIndex(time.to)) : extent.to
  return from <= to ? { from, to } : { from: to, to: from }
}

/** The state's `from`/`to` for a window: whole months, null at an end that is the extent's. */
export function timeOfWindow(window: MonthWindow, extent: MonthWindow): { from: string | null; to: string | null } {
  return {
    from: window.from <= extent.from ? null : monthStart(window.from),
    to: window.to >= extent.to ? null : monthEnd(window.to),
  }
}

/** Months of playback's window when the range is the whole extent: a year. */
export const DEFAULT_PLAY_MONTHS = 12

/**
 * Where playback starts: the current window if it is narrower than the extent, else the
 * extent's first `DEFAULT_PLAY_MONTHS` months; a window already at the end restarts at the first month.
 */
export function playbackStart(window: MonthWindow, extent: MonthWindow): MonthWindow {
  const whole = window.from <= extent.from && window.to >= extent.to
  const width = whole ? Math.min(DEFAULT_PLAY_MONTHS, extent.to - extent.from + 1) : window.to - window.from + 1
  if (whole || window.to >= extent.to) return { from: extent.from, to: extent.from + width - 1 }
  return window
}

/** The window one month later, or null when it already ends at the extent's last month. */
export function playbackStep(window: MonthWindow, extent: MonthWindow): MonthWindow | null {
  if (window.to >= extent.to) return null
  return { from: window.from + 1, to: window.to + 1 }
}

/** Trend bins for a range: months while there are fewer than 10 quarters, else quarters. */
export function trendBin(window: MonthWindow): 'month' | 'quarter' {
  return window.to - window.from + 1 < 30 ? 'month' : 'quarter'
}
