// What a report is asked for: the map state (the shared map-state format of views and static maps),
// the period it covers, its title, language, page orientation and sections, checked field by field.
import type { Language, MapState } from '../../shared/map-state.ts'
import { REPORT_SECTIONS, type ReportSection } from '../../shared/report-sections.ts'
import { BadRequestError } from '../http-errors.ts'

export { REPORT_SECTIONS, type ReportSection }

export interface ReportRequest {
  /** the state, its time range set to the period and its language to the report's */
  state: MapState
  period: { from: string; to: string }
  title: string | null
  lang: Language
  orientation: 'portrait' | 'landscape'
  /** in report order */
  sections: ReportSection[]
  /** YYYY-MM-DD printed as the report's date */
  date: string
}

/** Longest period a report covers, days (ten years). */
export const MAX_PERIOD_DAYS = 3660

function realDate(field: string, text: string): string {
  const d = new Date(`${text}T00:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text) {
    throw new BadRequestError(field, `${field} must be a real date YYYY-MM-DD, got "${text}"`)
  }
  return text
}

/** The report request from its checked body fields; 400 naming the field at fault. */
export function reportRequest(
  state: MapState,
  body: { period: { from: string; to: string }; title?: string; language: Language; orientation: 'portrait' | 'landscape'; sections: ReportSection[]; date?: string },
): ReportRequest {
  const from = realDate('body.period.from', body.period.from)
  const to = realDate('body.period.to', body.period.to)
  if (from > to) throw new BadRequestError('body.period.to', `body.period.to (${to}) is before body.period.from (${from})`)
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1
  if (days > MAX_PERIOD_DAYS) throw new BadRequestError('body.period.to', `a report covers at most ${MAX_PERIOD_DAYS} days, got ${days}`)
  const sections = REPORT_SECTIONS.filter((s) => body.sections.includes(s))
  return {
    state: { ...state, time: { from, to }, lang: body.language },
    period: { from, to },
    title: body.title?.trim() || null,
    lang: body.language,
    orientation: body.orientation,
    sections,
    date: body.date === undefined ? new Date().toISOString().slice(0, 10) : realDate('body.date', body.date),
  }
}
