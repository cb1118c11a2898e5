// IOM Missing Migrants "Migration route" labels mapped to the catalogue's route families.
import type { Family } from '../../../shared/vocabulary.ts'

const IOM_ROUTE_FAMILIES: Record<string, Family> = {
  'sahara desert crossing': 'sahara',
  'central mediterranean': 'central',
  'western mediterranean': 'western',
  'eastern mediterranean': 'eastern',
  'western africa / atlantic route to the canary islands': 'atlantic',
  'atlantic route to the canary islands': 'atlantic',
}

/**
 * The family of an IOM route label; for combined labels ("Central Mediterranean,Sahara Desert
 * crossing") the first part that maps. Null for routes outside the zone (US-Mexico, ...).
 */
export function iomRouteFamily(route: string | null | undefined): Family | null {
  for (const part of (route ?? '').split(',')) {
    const family = IOM_ROUTE_FAMILIES[part.trim().toLowerCase()]
    if (family) return family
  }
  return null
}
