// How the legend's switches map onto the map state. Route groups (migration routes by family,
// corridors by kind) become the `families` and `kinds` filters: `families` picks the migration
// routes shown, `kinds` the kinds shown (`migration` among them while any family is on), an empty
// list meaning all. Unchecking every group takes `routes` out of `layers`. The basemap toggles
// are the `places` and `borders` layers; the waypoints of a selected route are not part of it.

import { MAP_LAYERS, type MapLayer, type MapState } from '../../../shared/map-state.ts'
import { FAMILIES, KINDS } from '../../../shared/vocabulary.ts'
import { ROUTE_GROUPS } from '../map/route-groups.ts'
import type { LayerToggle } from '../ui/legend.ts'

/** The state layer each legend toggle stands for; `waypoints` has none. */
export const TOGGLE_STATE_LAYER: Readonly<Record<LayerToggle, MapLayer | null>> = {
  labels: 'places',
  borders: 'borders',
  waypoints: null,
}

/** The route group keys the state shows (see `ROUTE_GROUPS`). */
export function enabledGroups(state: MapState): Set<string> {
  if (!state.layers.includes('routes')) return new Set()
  const { families, kinds } = state.filters
  const kindOn = (kind: string) => kinds.length === 0 || kinds.includes(kind)
  const familyOn = (family: string) => families.length === 0 || families.includes(family)
  return new Set(ROUTE_GROUPS.filter((g) => (g.axis === 'family' ? kindOn('migration') && familyOn(g.value) : kindOn(g.value))).map((g) => g.key))
}

/** The state with the route groups in `enabled` shown and every other group hidden. */
export function withEnabledGroups(state: MapState, enabled: ReadonlySet<string>): MapState {
  const families = FAMILIES.filter((f) => enabled.has(`family:${f}`))
  const corridorKinds = KINDS.filter((k) => k !== 'migration' && enabled.has(`kind:${k}`))
  const kinds = [...(families.length > 0 ? ['migration'] : []), ...corridorKinds]
  const routesShown = kinds.length > 0
  return {
    ...state,
    layers: withLayer(state.layers, 'routes', routesShown),
    filters: {
      ...state.filters,
      families: families.length === FAMILIES.length ? [] : families,
      kinds: !routesShown || kinds.length === KINDS.length ? [] : kinds,
    },
  }
}

/** Whether a legend toggle is on in the state (`waypoints` always starts on). */
export function toggleOn(state: MapState, toggle: LayerToggle): boolean {
  const layer = TOGGLE_STATE_LAYER[toggle]
  return layer === null || state.layers.includes(layer)
}

/** The state after a legend toggle was switched; `waypoints` leaves it unchanged. */
export function withToggle(state: MapState, toggle: LayerToggle, on: boolean): MapState {
  const layer = TOGGLE_STATE_LAYER[toggle]
  return layer === null ? state : { ...state, layers: withLayer(state.layers, layer, on) }
}

/** `layers` with `layer` added or removed, kept in `MAP_LAYERS` order. */
export function withLayer(layers: readonly MapLayer[], layer: MapLayer, on: boolean): MapLayer[] {
  return MAP_LAYERS.filter((l) => (l === layer ? on : layers.includes(l)))
}
