// The web app's entry: builds the map, loads the route catalogue, and wires the legend, the
// route list and the route panel to the map's selection.

import 'maplibre-gl/dist/maplibre-gl.css'
import './styles.css'
import type * as maplibregl from 'maplibre-gl'
import { fetchCountries, fetchRoutes, type CountryCollection, type RouteCollection, type RouteFeature } from './api.ts'
import { COUNTRY_LABELS_SOURCE } from './map/basemap-layers.ts'
import { countryNameLookup } from './map/country-names.ts'
import { createMap } from './map/create-map.ts'
import { fontFaceCss } from './map/fonts.ts'
import { countryLabelPoints } from './map/label-point.ts'
import { TOGGLE_LAYER_IDS } from './map/layer-toggles.ts'
import { routeBounds, toMapRoutes } from './map/route-features.ts'
import { routeGroupFilter, routeGroupKey } from './map/route-groups.ts'
import { bindRouteInteraction, showSelectedRoute } from './map/route-interaction.ts'
import { ROUTES_SOURCE, ROUTE_LAYER_IDS, routeLayerFilter } from './map/route-layers.ts'
import { renderLegend } from './ui/legend.ts'
import { createRoutePanel } from './ui/route-panel.ts'
import { renderRouteList, type RouteList } from './ui/route-list.ts'
import { LOCALE, S } from './ui/strings.ts'

declare global {
  interface Window {
    /** The map, for browser tests and the console. */
    __map?: maplibregl.Map
  }
}

function byId(id: string): HTMLElement {
  const element = document.getElementById(id)
  if (!element) throw new Error(`index.html has no element #${id}`)
  return element
}

function setStatus(message: string, isError = false): void {
  const status = byId('status')
  status.textContent = message
  status.hidden = message === ''
  status.classList.toggle('status-error', isError)
}

function fillChrome(): void {
  const fonts = document.createElement('style')
  fonts.textContent = fontFaceCss()
  document.head.append(fonts)
  document.documentElement.lang = LOCALE
  document.title = S.productName
  byId('product-name').textContent = S.productName
  byId('product-tagline').textContent = S.productTagline
}

async function main(): Promise<void> {
  fillChrome()
  const map = createMap(byId('map'), location.origin, LOCALE, S)
  window.__map = map
  setStatus(S.loadingRoutes)

  const mapLoaded = new Promise<void>((resolve) => map.once('load', () => resolve()))
  // Countries only feed labels and names: without them the map still works, so a failure is logged.
  const countriesLoaded = fetchCountries().catch((error: unknown): CountryCollection => {
    console.error(error)
    return { type: 'FeatureCollection', features: [] }
  })
  let routes: RouteCollection
  let countries: CountryCollection
  try {
    ;[routes, countries] = await Promise.all([fetchRoutes(), countriesLoaded, mapLoaded])
  } catch (error) {
    setStatus(S.routesFailed(error instanceof Error ? error.message : String(error)), true)
    document.body.dataset.mapError = 'routes'
    return
  }
  const routesById = new Map<string, RouteFeature>(routes.features.map((route) => [route.properties.id, route]))
  map.getSource<maplibregl.GeoJSONSource>(ROUTES_SOURCE)?.setData(toMapRoutes(routes))
  map.getSource<maplibregl.GeoJSONSource>(COUNTRY_LABELS_SOURCE)?.setData(countryLabelPoints(countries))
  setStatus('')

  let selectedId: string | null = null
  let routeList: RouteList | null = null
  const panel = createRoutePanel(byId('route-panel'), countryNameLookup(countries, LOCALE), () => select(null, false))

  /** Selects a route (or none); `frame` also moves the map to it, for picks from the list. */
  function select(routeId: string | null, frame: boolean): void {
    const route = routeId === null ? null : (routesById.get(routeId) ?? null)
    showSelectedRoute(map, selectedId, route)
    selectedId = route ? route.properties.id : null
    routeList?.setSelected(selectedId)
    if (route) {
      panel.show(route)
      if (frame) map.fitBounds(routeBounds(route), { padding: { top: 60, bottom: 60, left: 60, right: 420 }, maxZoom: 7 })
    } else {
      panel.hide()
    }
  }

  const counts = new Map<string, number>()
  for (const route of routes.features) {
    const key = routeGroupKey(route.properties.family, route.properties.kind)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  renderLegend(byId('legend'), counts, {
    onGroupsChange(enabled) {
      const filter = routeGroupFilter(enabled)
      for (const layerId of ROUTE_LAYER_IDS) map.setFilter(layerId, routeLayerFilter(layerId, filter))
      routeList?.setEnabledGroups(enabled)
      const selected = selectedId === null ? null : routesById.get(selectedId)
      if (selected && !enabled.has(routeGroupKey(selected.properties.family, selected.properties.kind))) select(null, false)
    },
    onLayerToggle(toggle, visible) {
      for (const layerId of TOGGLE_LAYER_IDS[toggle]) map.setLayoutProperty(layerId, 'visibility', visible ? 'visible' : 'none')
    },
  })
  routeList = renderRouteList(byId('route-list'), routes, (routeId) => select(routeId, true))
  byId('route-count').textContent = S.routeCount(routes.features.length)
  bindRouteInteraction(map, (routeId) => select(routeId, false))

  map.once('idle', () => {
    document.body.dataset.mapReady = 'true'
  })
}

main().catch((error: unknown) => {
  setStatus(S.routesFailed(error instanceof Error ? error.message : String(error)), true)
  throw error
})
