// Plain-text formatting for the route panel: numbers, vocabulary codes and lists, in the UI's
// locale. Pure, so the panel's wording is tested without a DOM.

import type { RouteProperties } from '../api.ts'
import type { Locale, UiStrings } from './strings.ts'

/** A length in kilometres, rounded to the km with grouping: `1834.4` → `1,834 km`. */
export function formatKm(lengthKm: number, locale: Locale): string {
  if (!Number.isFinite(lengthKm)) return '–'
  return `${formatKmNumber(lengthKm, locale)} km`
}

/** The number of `formatKm` without its unit, for `km 1,002` along a route: `1002.1` → `1,002`. */
export function formatKmNumber(lengthKm: number, locale: Locale): string {
  if (!Number.isFinite(lengthKm)) return '–'
  const rounded = lengthKm < 10 ? Math.round(lengthKm * 10) / 10 : Math.round(lengthKm)
  return new Intl.NumberFormat(locale).format(rounded)
}

/** An area in km², rounded to 100 km² from 10,000 km² up: `114986` → `115,000 km²`. */
export function formatAreaKm2(areaKm2: number, locale: Locale): string {
  if (!Number.isFinite(areaKm2)) return '–'
  const rounded = areaKm2 >= 10_000 ? Math.round(areaKm2 / 100) * 100 : Math.round(areaKm2)
  return `${new Intl.NumberFormat(locale).format(rounded)} km²`
}

/** Threat codes as their human-readable names, in the order given; unknown codes are shown as is. */
export function formatThreats(threats: readonly string[], strings: UiStrings): string[] {
  return threats.map((code) => strings.threats[code as keyof UiStrings['threats']] ?? code.replaceAll('_', ' '))
}

/** A vocabulary code's label from one of the string tables, or the code itself if unknown. */
export function vocabularyLabel(table: Readonly<Record<string, string>>, code: string): string {
  return table[code] ?? code
}

/** The route's direction as a sentence fragment. */
export function formatDirection(direction: RouteProperties['direction'], strings: UiStrings): string {
  return direction === 'forward' ? strings.oneWay : strings.bothWays
}

/** ISO3 codes as country names where `nameOf` knows them, joined as a list: `Niger, Libya`. */
export function formatCountries(iso3s: readonly string[], nameOf: (iso3: string) => string | undefined, locale: Locale): string {
  const names = iso3s.map((iso3) => nameOf(iso3) ?? iso3)
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names)
}

/** A source's citation line: `IOM (2023). DTM Niger flow monitoring`. */
export function formatSourceCitation(source: { publisher: string; title: string; year: number }): string {
  return `${source.publisher} (${source.year}). ${source.title}`
}

/** Whether a URL may be offered as a link: only http(s), never `javascript:` or `data:`. */
export function isSafeLink(url: string): boolean {
  return /^https?:\/\//i.test(url)
}
