// Mouse hover and click on routes, kept in MapLibre feature-state (`hover`, `selected`) so the
// style, not code, decides how a highlighted route looks.

import type * as maplibregl from 'maplibre-gl'
import type { RouteFeature } from '../api.ts'
import { toMapWaypoints } from './route-features.ts'
import { ROUTES_SOURCE, ROUTE_HIT_LAYER, WAYPOINTS_SOURCE } from './route-layers.ts'

/** Calls `onPick` with the clicked route's id, or `null` for a click off every route. */
export function bindRouteInteraction(map: maplibregl.Map, onPick: (routeId: string | null) => void): void {
  let hoveredId: string | null = null
  const setHover = (id: string | null) => {
    if (id === hoveredId) return
    if (hoveredId !== null) map.setFeatureState({ source: ROUTES_SOURCE, id: hoveredId }, { hover: false })
    hoveredId = id
    if (id !== null) map.setFeatureState({ source: ROUTES_SOURCE, id }, { hover: true })
    map.getCanvas().style.cursor = id === null ? '' : 'pointer'
  }
  map.on('mousemove', ROUTE_HIT_LAYER, (event) => setHover(routeIdOf(event.features?.[0])))
  map.on('mouseleave', ROUTE_HIT_LAYER, () => setHover(null))
  map.on('click', (event) => {
    const [feature] = map.queryRenderedFeatures(event.point, { layers: [ROUTE_HIT_LAYER] })
    onPick(routeIdOf(feature))
  })
}

/** Marks `route` selected (or none) and shows its waypoints; clears the previous selection. */
export function showSelectedRoute(map: maplibregl.Map, previousId: string | null, route: RouteFeature | null): void {
  if (previousId !== null) map.setFeatureState({ source: ROUTES_SOURCE, id: previousId }, { selected: false })
  if (route) map.setFeatureState({ source: ROUTES_SOURCE, id: route.properties.id }, { selected: true })
  const waypoints = map.getSource<maplibregl.GeoJSONSource>(WAYPOINTS_SOURCE)
  waypoints?.setData(toMapWaypoints(route))
}

function routeIdOf(feature: { properties?: Record<string, unknown> } | undefined): string | null {
  const id = feature?.properties?.id
  return typeof id === 'string' ? id : null
}
