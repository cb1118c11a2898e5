// The body of POST /api/reports from the dialog's choices and the map state, and the default
// period: the state's time range, else the twelve months up to today. Pure.
import { mapStateToParams, type Language, type MapState } from '../../../shared/map-state.ts'
import { REPORT_SECTIONS, type ReportSection } from '../../../shared/report-sections.ts'

export { REPORT_SECTIONS, type ReportSection }

export interface ReportChoices {
  from: string
  to: string
  title: string
  language: Language
  orientation: 'portrait' | 'landscape'
  sections: ReportSection[]
}

/** The period a new report starts with: the state's, else the year up to `today` (YYYY-MM-DD). */
export function defaultPeriod(state: MapState, today: string): { from: string; to: string } {
  const to = state.time.to ?? today
  if (state.time.from) return { from: state.time.from, to }
  const d = new Date(`${to}T00:00:00Z`)
  d.setUTCFullYear(d.getUTCFullYear() - 1)
  d.setUTCDate(d.getUTCDate() + 1)
  return { from: d.toISOString().slice(0, 10), to }
}

/** The request body; the state travels as its URL parameters, without its own time range and title. */
export function reportBody(state: MapState, c: ReportChoices): Record<string, unknown> {
  const { from: _from, to: _to, title: _title, ...params } = mapStateToParams(state)
  return {
    state: params,
    period: { from: c.from, to: c.to },
    ...(c.title.trim() ? { title: c.title.trim() } : {}),
    language: c.language,
    orientation: c.orientation,
    sections: REPORT_SECTIONS.filter((s) => c.sections.includes(s)),
    format: 'pdf',
  }
}

/** The file name the service gives, or a fallback. */
export function reportFileName(disposition: string | null, c: ReportChoices): string {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? `report-${c.from}-${c.to}-${c.language}.pdf`
}
