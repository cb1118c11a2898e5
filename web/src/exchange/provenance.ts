// Provenance of a record received from a partner deployment (its origin state and agency), worded
// once for every view that shows it: incident popups, the route panel and the patrol plan view.
import { h } from '../ui/dom.ts'
import type { Locale } from '../ui/strings.ts'
import { exchangeStrings } from './strings.ts'

/** The provenance fields the API returns on incidents, routes and plans (null: made here). */
export interface Provenance {
  origin_state?: string | null
  origin_agency?: string | null
}

/** "from Niger border police (NER)" for a record received from a partner; null for one made here. */
export function originText(p: Provenance, locale: Locale): string | null {
  return p.origin_state && p.origin_agency ? exchangeStrings(locale).origin(p.origin_agency, p.origin_state) : null
}

/** originText as an element (class `record-origin`, agency isolated for right-to-left text), or null. */
export function originElement(p: Provenance, locale: Locale, tag: 'span' | 'p' = 'span'): HTMLElement | null {
  const text = originText(p, locale)
  return text === null ? null : h(tag, { class: 'record-origin', 'data-origin-state': p.origin_state!, dir: 'auto' }, text)
}
