// Colours of the map. Routes take the Okabe-Ito palette (distinguishable under the common
// colour-vision deficiencies) for migration families, and darker, distinct hues for the
// trafficking corridors; confidence is carried by dash and width, never by colour alone.

import { FAMILIES, KINDS, type Family, type Kind } from './vocabulary.ts'
import type { ExpressionSpecification } from 'maplibre-gl'

/** Migration routes are coloured by family (Okabe-Ito). */
export const FAMILY_COLOURS: Readonly<Record<Family, string>> = {
  western: '#E69F00', // orange
  central: '#0072B2', // blue
  eastern: '#009E73', // bluish green
  atlantic: '#56B4E9', // sky blue
  sahara: '#D55E00', // vermillion
}

/** Trafficking corridors (every kind but migration) are coloured by kind. */
export const KIND_COLOURS: Readonly<Record<Exclude<Kind, 'migration'>, string>> = {
  drugs: '#CC79A7', // reddish purple
  arms: '#1F1F1F', // near black
  fuel: '#882255', // wine
  goods: '#7F7F1F', // olive
  gold: '#A6761D', // ochre (ColorBrewer Dark2), apart from the western orange
}

/** The corridor kinds, i.e. every kind that is not migration, in vocabulary order. */
export const CORRIDOR_KINDS = KINDS.filter((kind) => kind !== 'migration') as Exclude<Kind, 'migration'>[]

/** Shown for a family or kind the vocabulary does not know (a newer server). */
export const UNKNOWN_ROUTE_COLOUR = '#6B6B6B'

/** The basemap's calm tones: sand and ivory land on a pale blue-grey sea. */
export const BASEMAP_COLOURS = {
  sea: '#DCE4E8',
  graticule: '#C9D4DA',
  memberLand: '#F1E6CC',
  neighbourLand: '#F7F3EA',
  coast: '#AFBAC0',
  border: '#8C7F6B',
  countryLabelMember: '#4A3F30',
  countryLabelNeighbour: '#8A8175',
  placeLabel: '#2E2A25',
  placeDot: '#3B342B',
  halo: '#FFFDF8',
} as const

/** Route colour for one route: its family's colour for migration, else its kind's. */
export function routeColour(family: string, kind: string): string {
  if (kind === 'migration') return FAMILY_COLOURS[family as Family] ?? UNKNOWN_ROUTE_COLOUR
  return KIND_COLOURS[kind as Exclude<Kind, 'migration'>] ?? UNKNOWN_ROUTE_COLOUR
}

/** The same rule as `routeColour`, as a MapLibre expression over `family` and `kind`. */
export function routeColourExpression(): ExpressionSpecification {
  const byFamily: unknown[] = ['match', ['get', 'family']]
  for (const family of FAMILIES) byFamily.push(family, FAMILY_COLOURS[family])
  byFamily.push(UNKNOWN_ROUTE_COLOUR)
  const byKind: unknown[] = ['match', ['get', 'kind']]
  for (const kind of CORRIDOR_KINDS) byKind.push(kind, KIND_COLOURS[kind])
  byKind.push(UNKNOWN_ROUTE_COLOUR)
  return ['case', ['==', ['get', 'kind'], 'migration'], byFamily, byKind] as unknown as ExpressionSpecification
}
