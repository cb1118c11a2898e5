// How a date window splits for the cell rollup (migrations/011_incident_cells.sql): whole months
// read pre-aggregated month rows, the days of a month the window only partly covers read the
// incidents themselves. Dates are ISO (YYYY-MM-DD), UTC calendar days.

/** Which rollup grain answers a window, and which days stay with the rows. */
export interface RollupWindow {
  /** true: no date filter, the all-time rows answer */
  allTime: boolean
  /** whole months from this first day (inclusive; null: from the first month) … */
  monthFrom: string | null
  /** … up to this first day (exclusive; null: to the last month); both null and allTime false with noMonths */
  monthTo: string | null
  /** true when the window holds no whole month: the month rows are not read at all */
  noMonths: boolean
  /** leading partial days, [from, to) */
  headDays: [string, string] | null
  /** trailing partial days, [from, to] inclusive */
  tailDays: [string, string] | null
}

/** The first day of the month after the one holding an ISO date. */
function nextMonth(isoDate: string): string {
  const y = Number(isoDate.slice(0, 4))
  const m = Number(isoDate.slice(5, 7))
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
}

/** The day after an ISO date. */
function nextDay(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

/**
 * Splits the inclusive window from..to (either open) into whole months and partial edge days:
 * 2024-01-15..2024-04-10 → months 2024-02-01..2024-04-01 (exclusive), head 2024-01-15..2024-02-01,
 * tail 2024-04-01..2024-04-10.
 */
export function splitRollupWindow(from: string | undefined, to: string | undefined): RollupWindow {
  if (from === undefined && to === undefined) return { allTime: true, monthFrom: null, monthTo: null, noMonths: false, headDays: null, tailDays: null }
  if (from !== undefined && to !== undefined && from > to) throw new Error(`from must not be after to, got ${from} .. ${to}`)
  // first whole month: the month of `from` when from is its first day, else the next one
  const monthFrom = from === undefined ? null : from.endsWith('-01') ? from : nextMonth(from)
  // end of the whole months (exclusive): after `to`'s month when to is its last day, else to's month
  const monthTo = to === undefined ? null : nextMonth(to) === nextDay(to) ? nextMonth(to) : `${to.slice(0, 7)}-01`
  if (monthFrom !== null && monthTo !== null && monthFrom >= monthTo) {
    // no whole month: every day from the rows
    return { allTime: false, monthFrom: null, monthTo: null, noMonths: true, headDays: null, tailDays: [from!, to!] }
  }
  const headDays: [string, string] | null = from !== undefined && monthFrom !== from ? [from, monthFrom!] : null
  const tailDays: [string, string] | null = to !== undefined && monthTo !== nextDay(to) ? [monthTo!, to] : null
  return { allTime: false, monthFrom, monthTo, noMonths: false, headDays, tailDays }
}
