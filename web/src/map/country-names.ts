// Country names for the panel, from the same `/api/countries` answer the map's labels come from.

import type { CountryCollection } from '../api.ts'
import type { Locale } from '../ui/strings.ts'

/** A lookup ISO3 → name in `locale` (English where that name is missing). */
export function countryNameLookup(countries: CountryCollection, locale: Locale): (iso3: string) => string | undefined {
  const names = new Map<string, string>()
  for (const { properties: p } of countries.features) {
    const name = (p as unknown as Record<string, unknown>)[`name_${locale}`]
    names.set(p.iso3, typeof name === 'string' && name !== '' ? name : p.name_en)
  }
  return (iso3) => names.get(iso3)
}
