// The web app's entry: builds the map, loads the route catalogue, and wires the legend, the
// route list, the toolbar (draw tool, border picker) and the panel to the map's selection.

import 'maplibre-gl/dist/maplibre-gl.css'
import './styles.css'
import type * as maplibregl from 'maplibre-gl'
import {
  ApiError, fetchBorderRoutes, fetchBorders, fetchCountries, fetchRouteAnalysis, fetchRoutes, postLineAnalysis,
  type BorderCollection, type CountryCollection, type RouteCollection, type RouteFeature,
} from './api.ts'
import { showBorder, showLineAnalysis } from './map/analysis-overlay.ts'
import { COUNTRY_LABELS_SOURCE } from './map/basemap-layers.ts'
import { countryNameLookup } from './map/country-names.ts'
import { createMap } from './map/create-map.ts'
import { fontFaceCss } from './map/fonts.ts'
import { countryLabelPoints } from './map/label-point.ts'
import { TOGGLE_LAYER_IDS } from './map/layer-toggles.ts'
import { linesBounds, routeBounds, toMapRoutes } from './map/route-features.ts'
import { routeGroupFilter, routeGroupKey } from './map/route-groups.ts'
import { bindRouteInteraction, showSelectedRoute } from './map/route-interaction.ts'
import { ROUTES_SOURCE, ROUTE_LAYER_IDS, routeLayerFilter } from './map/route-layers.ts'
import { createAnalysisSection, type AnalysisPrefs } from './ui/analysis-section.ts'
import { borderOptions, renderBorderPicker, type BorderOption, type BorderPicker } from './ui/border-picker.ts'
import { createBorderView } from './ui/border-view.ts'
import { createDrawTool } from './ui/draw-tool.ts'
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
  byId('map-toolbar').setAttribute('aria-label', S.toolbarLabel)
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
  // Borders only feed the border picker, left empty if they fail.
  const bordersLoaded = fetchBorders().catch((error: unknown): BorderCollection => {
    console.error(error)
    return { type: 'FeatureCollection', features: [] }
  })
  let routes: RouteCollection
  let countries: CountryCollection
  let borders: BorderCollection
  try {
    ;[routes, countries, borders] = await Promise.all([fetchRoutes(), countriesLoaded, bordersLoaded, mapLoaded])
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
  let borderPicker: BorderPicker | null = null
  /** What the panel shows besides catalogue facts: an analysis or a border view, with map overlays. */
  let view: { dispose(): void } | null = null
  const nameOf = countryNameLookup(countries, LOCALE)
  const prefs: AnalysisPrefs = { corridorKm: 25, corridorVisible: false }
  const panel = createRoutePanel(byId('route-panel'), nameOf, () => reset())
  const framePadding = { top: 60, bottom: 60, left: 60, right: 420 }

  /** Ends the current view, its overlays and selection; keeps a finished drawing if asked. */
  function reset(keepDrawing = false): void {
    view?.dispose()
    view = null
    if (!keepDrawing) drawTool.clear()
    borderPicker?.setValue(null)
    showSelectedRoute(map, selectedId, null)
    selectedId = null
    routeList?.setSelected(null)
  }

  /** Selects a route (or none); `frame` also moves the map to it, for picks from the list. */
  function select(routeId: string | null, frame: boolean): void {
    const route = routeId === null ? null : (routesById.get(routeId) ?? null)
    reset()
    if (!route) return panel.hide()
    const id = route.properties.id
    showSelectedRoute(map, null, route)
    selectedId = id
    routeList?.setSelected(id)
    const analysis = createAnalysisSection({
      load: (corridorKm, signal) => fetchRouteAnalysis(id, corridorKm, signal),
      prefs,
      nameOf,
      onShow: (result, corridorVisible) => showLineAnalysis(map, result, corridorVisible),
      onOpenRoute: (other) => select(other, true),
    })
    view = analysis
    panel.show(route, analysis.element)
    if (frame) map.fitBounds(routeBounds(route), { padding: framePadding, maxZoom: 7 })
  }

  const drawTool = createDrawTool(map, byId('draw-tool'), {
    onStart() {
      reset(true)
      panel.hide()
    },
    onFinish(line) {
      reset(true)
      const analysis = createAnalysisSection({
        load: (corridorKm, signal) => postLineAnalysis(line, corridorKm, signal),
        prefs,
        nameOf,
        onShow: (result, corridorVisible) => showLineAnalysis(map, result, corridorVisible),
        onOpenRoute: (other) => select(other, true),
        errorText: (error) => error instanceof ApiError && error.status === 400 && error.detail
          ? S.drawnRefused(error.detail)
          : S.analysisFailed(error instanceof Error ? error.message : String(error)),
      })
      view = analysis
      panel.showDrawn(line.coordinates.length, analysis.element)
      // Bring the line out from under the panel, never zooming in.
      map.fitBounds(linesBounds([line]), { padding: framePadding, maxZoom: map.getZoom() })
    },
  })

  function openBorder(option: BorderOption): void {
    reset()
    borderPicker?.setValue(option)
    const parts = borders.features.filter((f) => [f.properties.a_iso3, f.properties.b_iso3].sort().join('|') === option.value)
    const line: BorderCollection = { type: 'FeatureCollection', features: parts }
    const borderView = createBorderView({
      lengthKm: option.lengthKm,
      load: (signal) => fetchBorderRoutes(option.a, option.b, signal),
      nameOf,
      onShow: (markers) => showBorder(map, markers ? line : null, markers),
      onOpenRoute: (routeId) => select(routeId, true),
    })
    view = borderView
    showBorder(map, line, null)
    panel.showView('border', S.borderTitle(...option.names), [borderView.element])
    if (parts.length > 0) map.fitBounds(linesBounds(parts.map((f) => f.geometry)), { padding: framePadding, maxZoom: 5.5 })
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
  borderPicker = renderBorderPicker(byId('border-tool'), borderOptions(borders, nameOf), openBorder)
  // While drawing, clicks add points; a click off every route closes only a route's panel.
  bindRouteInteraction(map, (routeId) => {
    if (drawTool.isDrawing()) return
    if (routeId === null && byId('route-panel').dataset.view !== 'route') return
    select(routeId, false)
  })

  map.once('idle', () => {
    document.body.dataset.mapReady = 'true'
  })
}

main().catch((error: unknown) => {
  setStatus(S.routesFailed(error instanceof Error ? error.message : String(error)), true)
  throw error
})
