// The legend's route groups: one per migration family and one per corridor kind. A group is
// both a legend entry (a colour) and a toggle (a term of the route layers' filter).

import { FAMILIES, type Family, type Kind } from '../../../shared/vocabulary.ts'
import type { ExpressionSpecification } from 'maplibre-gl'
import { CORRIDOR_KINDS, FAMILY_COLOURS, KIND_COLOURS } from '../../../shared/palette.ts'

/** A legend group: migration routes of one family, or corridors of one kind. */
export type RouteGroup =
  | { key: `family:${Family}`; axis: 'family'; value: Family; colour: string }
  | { key: `kind:${Exclude<Kind, 'migration'>}`; axis: 'kind'; value: Exclude<Kind, 'migration'>; colour: string }

/** Every group, migration families first, in vocabulary order. */
export const ROUTE_GROUPS: readonly RouteGroup[] = [
  ...FAMILIES.map((family): RouteGroup => ({ key: `family:${family}`, axis: 'family', value: family, colour: FAMILY_COLOURS[family] })),
  ...CORRIDOR_KINDS.map((kind): RouteGroup => ({ key: `kind:${kind}`, axis: 'kind', value: kind, colour: KIND_COLOURS[kind] })),
]

/** The group a route belongs to, from its `family` and `kind`. */
export function routeGroupKey(family: string, kind: string): string {
  return kind === 'migration' ? `family:${family}` : `kind:${kind}`
}

/**
 * A filter keeping the routes whose group is in `enabled`. Routes of a family or kind the
 * vocabulary does not know are kept, so a newer catalogue never hides data silently.
 */
export function routeGroupFilter(enabled: ReadonlySet<string>): ExpressionSpecification {
  const families = ROUTE_GROUPS.filter((g) => g.axis === 'family' && enabled.has(g.key)).map((g) => g.value)
  const kinds = ROUTE_GROUPS.filter((g) => g.axis === 'kind' && enabled.has(g.key)).map((g) => g.value)
  const knownFamilies = ROUTE_GROUPS.filter((g) => g.axis === 'family').map((g) => g.value)
  const knownKinds = ROUTE_GROUPS.filter((g) => g.axis === 'kind').map((g) => g.value)
  const isMigration: ExpressionSpecification = ['==', ['get', 'kind'], 'migration']
  return [
    'any',
    ['all', isMigration, ['in', ['get', 'family'], ['literal', families]]],
    ['all', ['!', isMigration], ['in', ['get', 'kind'], ['literal', kinds]]],
    ['all', isMigration, ['!', ['in', ['get', 'family'], ['literal', knownFamilies]]]],
    ['all', ['!', isMigration], ['!', ['in', ['get', 'kind'], ['literal', knownKinds]]]],
  ]
}

/**
 * A filter keeping the routes whose period (valid_from..valid_to, '' when open) overlaps the time
 * range (inclusive YYYY-MM-DD, null when open): ISO dates compare as strings.
 */
export function routeTimeFilter(time: { from: string | null; to: string | null }): ExpressionSpecification {
  const terms: ExpressionSpecification[] = []
  if (time.from) terms.push(['any', ['==', ['get', 'valid_to'], ''], ['>=', ['get', 'valid_to'], time.from]])
  if (time.to) terms.push(['any', ['==', ['get', 'valid_from'], ''], ['<=', ['get', 'valid_from'], time.to]])
  return ['all', true, ...terms]
}
