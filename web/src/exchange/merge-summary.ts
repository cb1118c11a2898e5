// What a merged bundle brought, as lines of text for the exchange dialog. Pure, so the wording is tested.
import type { MergeReport } from '../../../shared/exchange-report.ts'
import type { ExchangeStrings } from './strings.ts'

export type { MergeReport }

/** A heading and one line per kind of record that came or went (none for a no-op). */
export function mergeSummary(report: MergeReport, t: ExchangeStrings, locale: string): string[] {
  if (report.noop) return [t.noop(report.partner, report.sequence)]
  const n = new Intl.NumberFormat(locale)
  const lines = [t.merged(report.partner, report.sequence)]
  for (const kind of ['incidents', 'routes', 'plans', 'imports'] as const) {
    const c = report.counts[kind]
    if (c.received === 0 && c.deleted === 0) continue
    lines.push(t.kindLine(kind, n.format(c.inserted), n.format(c.updated), n.format(c.deleted)))
  }
  return lines
}
