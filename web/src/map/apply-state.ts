// Draws what a map state asks for on a live map: which route groups pass the route filter and
// which basemap layers are visible. Shared by the app and the embed, so both draw one state alike.

import type * as maplibregl from 'maplibre-gl'
import type { MapState } from '../../../shared/map-state.ts'
import { enabledGroups, TOGGLE_STATE_LAYER } from '../state/legend-state.ts'
import type { LayerToggle } from '../ui/legend.ts'
import { TOGGLE_LAYER_IDS } from './layer-toggles.ts'
import { routeGroupFilter, routeTimeFilter } from './route-groups.ts'
import { ROUTE_LAYER_IDS, routeLayerFilter } from './route-layers.ts'

/** Sets the route filter and the visibility of routes, labels and borders from `state`. */
export function applyMapState(map: maplibregl.Map, state: MapState): void {
  const routesOn = state.layers.includes('routes')
  // the time range filters routes as it filters incidents: a route shows when its period overlaps it
  const filter: maplibregl.ExpressionSpecification = ['all', routeGroupFilter(enabledGroups(state)), routeTimeFilter(state.time)]
  for (const layerId of ROUTE_LAYER_IDS) {
    map.setFilter(layerId, routeLayerFilter(layerId, filter))
    map.setLayoutProperty(layerId, 'visibility', routesOn ? 'visible' : 'none')
  }
  for (const toggle of Object.keys(TOGGLE_STATE_LAYER) as LayerToggle[]) {
    const layer = TOGGLE_STATE_LAYER[toggle]
    if (layer === null) continue
    for (const layerId of TOGGLE_LAYER_IDS[toggle]) map.setLayoutProperty(layerId, 'visibility', state.layers.includes(layer) ? 'visible' : 'none')
  }
}
