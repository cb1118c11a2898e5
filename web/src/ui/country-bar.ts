// The per-country stacked bar of a route analysis: one segment per country (and one for sea or
// land outside every country), in the order the service gives (longest first). Pure, so the
// widths, colours and wording are tested without a DOM.

import type { CountryLength } from '../api.ts'
import type { Locale } from './strings.ts'

/** Muted, mutually distinct tones for countries, given out by segment position. */
export const COUNTRY_BAR_COLOURS = ['#8C6D46', '#6F8F72', '#B07D62', '#7B8FA6', '#B59F3B', '#8E7DA8', '#5F7F7F', '#A66A7A'] as const
/** Sea and land outside every country: the map's sea tone. */
export const SEA_BAR_COLOUR = '#BCCAD2'

/** One segment of the bar. */
export interface BarSegment {
  /** The ISO3 code, or `sea` for the null country. */
  key: string
  label: string
  km: number
  /** Fraction of the line, 0..1, as the service reported it. */
  share: number
  /** Width in % of the bar; the widths sum to 100. */
  widthPercent: number
  colour: string
  isSea: boolean
}

/** Bar segments for `countries`; `nameOf` names an ISO3 code, `seaLabel` the null country. */
export function countryBarSegments(
  countries: readonly CountryLength[],
  nameOf: (iso3: string) => string | undefined,
  seaLabel: string,
): BarSegment[] {
  const kept = countries.filter((country) => country.km > 0 && country.share > 0)
  const totalShare = kept.reduce((sum, country) => sum + country.share, 0)
  let colourIndex = 0
  return kept.map((country) => {
    const isSea = country.iso3 === null
    const colour = isSea ? SEA_BAR_COLOUR : COUNTRY_BAR_COLOURS[colourIndex++ % COUNTRY_BAR_COLOURS.length]
    return {
      key: country.iso3 ?? 'sea',
      label: isSea ? seaLabel : (nameOf(country.iso3!) ?? country.name),
      km: country.km,
      share: country.share,
      widthPercent: (country.share / totalShare) * 100,
      colour,
      isSea,
    }
  })
}

/** A share 0..1 as a percentage: whole numbers from 10 %, one decimal below (`0.042` → `4.2%`). */
export function formatShare(share: number, locale: Locale): string {
  if (!Number.isFinite(share)) return '–'
  const digits = share < 0.1 ? 1 : 0
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share)
}
