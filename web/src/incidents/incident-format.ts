// An incident as one line of text for the cell popup and the point popup: date, counts and the
// link to its source record when the dataset gives one. Pure, so the wording is tested.

import type { HotspotStrings } from '../hotspots/strings.ts'
import type { IncidentProperties } from '../hotspots/hotspots-api.ts'

/** A date at its precision: 2023-05-17 (day), 2023-05 (month), 2023 (year). */
export function incidentDate(p: Pick<IncidentProperties, 'date' | 'date_precision'>): string {
  return p.date_precision === 'year' ? p.date.slice(0, 4) : p.date_precision === 'month' ? p.date.slice(0, 7) : p.date
}

/** The non-empty counts: "3 dead, 2 missing" (quantity last); empty when none is known. */
export function incidentCounts(p: Pick<IncidentProperties, 'dead' | 'missing' | 'survivors' | 'quantity'>, strings: HotspotStrings, locale: string): string {
  const n = new Intl.NumberFormat(locale)
  const parts: string[] = []
  for (const key of ['dead', 'missing', 'survivors', 'quantity'] as const) {
    const v = p[key]
    if (v !== null && v !== undefined && v > 0) parts.push(`${n.format(v)} ${strings[key]}`)
  }
  return parts.join(locale === 'ar' ? '، ' : ', ')
}

/**
 * The link to the incident's source record (`attrs.url`, as IOM's export gives it), only when
 * it is an http(s) URL; attrs arrive as an object, or as JSON text from a clustered source.
 */
export function incidentSourceUrl(attrs: unknown): string | null {
  let value: unknown = attrs
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      return null
    }
  }
  const url = value && typeof value === 'object' ? (value as Record<string, unknown>).url : undefined
  if (typeof url !== 'string') return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null
  } catch {
    return null
  }
}
