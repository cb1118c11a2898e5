// Scales and labels of the time-series charts: nice axis ticks, period keys ('YYYY-MM',
// 'YYYY-Qn') and their names in English, French and Arabic through Intl. Pure.
import type { Language } from '../map-state.ts'

/** A month 'YYYY-MM' or a quarter 'YYYY-Qn'. */
export const PERIOD = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/

/**
 * Axis ticks from 0 (or `min` when below 0) to at least `max`, a step of 1, 2 or 5 × 10^k so that
 * there are at most `maxTicks` intervals: niceTicks(0, 37) → [0, 10, 20, 30, 40].
 */
export function niceTicks(min: number, max: number, maxTicks = 5): number[] {
  if (!(maxTicks >= 1)) throw new Error(`maxTicks must be at least 1, got ${maxTicks}`)
  const lo = Math.min(0, Number.isFinite(min) ? min : 0)
  const hi = Math.max(Number.isFinite(max) ? max : 0, lo + 1)
  const raw = (hi - lo) / maxTicks
  const mag = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw - 1e-12)!
  // counts are whole numbers: never a tick step below 1
  const whole = Math.max(step, Number.isInteger(lo) && Number.isInteger(hi) ? 1 : step)
  const first = Math.floor(lo / whole) * whole
  const ticks: number[] = []
  for (let t = first; t < hi + whole - 1e-9; t += whole) ticks.push(Math.round(t / whole) * whole)
  return ticks
}

/** The period holding an ISO date: month '2024-05', or quarter '2024-Q2'. */
export function periodOf(isoDate: string, bucket: 'month' | 'quarter'): string {
  const month = Number(isoDate.slice(5, 7))
  return bucket === 'month' ? isoDate.slice(0, 7) : `${isoDate.slice(0, 4)}-Q${Math.ceil(month / 3)}`
}

/** The first day of a period, ISO: '2024-Q2' → '2024-04-01'. */
export function periodStart(period: string): string {
  const m = PERIOD.exec(period)
  if (!m) throw new Error(`period must be YYYY-MM or YYYY-Qn, got "${period}"`)
  const month = m[2] ? Number(m[2]) : (Number(m[3]) - 1) * 3 + 1
  return `${m[1]}-${String(month).padStart(2, '0')}-01`
}

const QUARTER: Record<Language, (q: string, year: string) => string> = {
  en: (q, y) => `Q${q} ${y}`,
  fr: (q, y) => `T${q} ${y}`,
  ar: (q, y) => `الربع ${q} ${y}`,
}

/** A period as the locale names it: '2024-03' → 'Mar 2024' / 'mars 2024'; '2024-Q1' → 'Q1 2024' / 'T1 2024' / 'الربع 1 2024'. */
export function periodLabel(period: string, locale: Language): string {
  const m = PERIOD.exec(period)
  if (!m) throw new Error(`period must be YYYY-MM or YYYY-Qn, got "${period}"`)
  const digits = new Intl.NumberFormat(locale, { useGrouping: false })
  if (m[3]) return QUARTER[locale](digits.format(Number(m[3])), digits.format(Number(m[1])))
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)))
}

/** A count or value as the locale writes it (grouping, at most 2 decimals); NaN as an en dash. */
export function formatValue(value: number, locale: Language): string {
  return Number.isFinite(value) ? new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value) : '–'
}
