// The web app's entry: reads the map state from the URL, asks the service who is signed in (with
// AUTH=on, shows the sign-in form first and builds nothing of the map before; again if the session
// ends while the page is open), builds the map, loads the route catalogue, and wires the legend,
// the route list, the toolbar (draw tool, border picker), the header's share tools and account,
// and the panel to the map's selection, offering only what the viewer's permissions allow. View,
// layers, filters, title and language are written back to the URL as they change.

import 'maplibre-gl/dist/maplibre-gl.css'
import './styles.css'
import type * as maplibregl from 'maplibre-gl'
import type { Permission } from '../../shared/access.ts'
import type { Language } from '../../shared/map-state.ts'
import {
  ApiError, fetchBorderRoutes, fetchBorders, fetchCountries, fetchRouteAnalysis, fetchRoutes, postLineAnalysis,
  type BorderCollection, type CountryCollection, type RouteCollection, type RouteFeature,
} from './api.ts'
import { renderAccount } from './auth/account.ts'
import { fetchMe } from './auth/auth-api.ts'
import { embedsNeedToken, mayDo, ownState } from './auth/me.ts'
import { watchSession } from './auth/session.ts'
import { showSignIn, signInAgain } from './auth/sign-in.ts'
import { showBorder, showLineAnalysis } from './map/analysis-overlay.ts'
import { COUNTRY_LABELS_SOURCE } from './map/basemap-layers.ts'
import { countryNameLookup } from './map/country-names.ts'
import { createMap } from './map/create-map.ts'
import { countryLabelPoints } from '../../shared/label-point.ts'
import { applyMapState } from './map/apply-state.ts'
import type { MapState } from '../../shared/map-state.ts'
import { applyFlowWidths } from './map/flow-widths.ts'
import { TOGGLE_LAYER_IDS } from './map/layer-toggles.ts'
import { linesBounds, routeBounds, toMapRoutes } from './map/route-features.ts'
import { routeGroupKey } from './map/route-groups.ts'
import { bindRouteInteraction, showSelectedRoute } from './map/route-interaction.ts'
import { ROUTES_SOURCE } from './map/route-layers.ts'
import { enabledGroups, toggleOn, withEnabledGroups, withToggle } from './state/legend-state.ts'
import { createStateStore } from './state/state-store.ts'
import { initHotspots } from './hotspots/init-hotspots.ts'
import { initChartPanel } from './charts/chart-panel.ts'
import { createRouteChart } from './charts/route-chart.ts'
import { chartStrings } from './charts/strings.ts'
import { h } from './ui/dom.ts'
import { createExchangeDialog } from './exchange/exchange-dialog.ts'
import { exchangeStrings } from './exchange/strings.ts'
import { mapStateSearch, readMapState, withBbox, withCenterZoom } from './state/url-state.ts'
import { createAnalysisSection, type AnalysisPrefs } from './ui/analysis-section.ts'
import { borderOptions, renderBorderPicker, type BorderOption, type BorderPicker } from './ui/border-picker.ts'
import { createBorderView } from './ui/border-view.ts'
import { createDrawTool } from './ui/draw-tool.ts'
import { createEmbedDialog } from './ui/embed-dialog.ts'
import { renderHeaderTools } from './ui/header-tools.ts'
import { createReportDialog } from './reports/report-dialog.ts'
import { renderLegend, showFlowYear } from './ui/legend.ts'
import { createRoutePanel } from './ui/route-panel.ts'
import { renderRouteList, type RouteList } from './ui/route-list.ts'
import { byId, fillChrome, setStatus, showStateProblems, showTitle } from './ui/page-chrome.ts'
import { initPlanner } from './planner/planner-panel.ts'
import { directionOf, LOCALE, S, setLocale } from './ui/strings.ts'

declare global {
  interface Window {
    /** The map, for browser tests and the console. */
    __map?: maplibregl.Map
  }
}

async function main(): Promise<void> {
  const { state: initialState, problems } = readMapState(location.search)
  setLocale(initialState.lang)
  const store = createStateStore(initialState)
  fillChrome(initialState.title)
  // A new language re-renders everything: the page reloads at the same state in that language.
  const onLanguage = (lang: Language) => location.assign(mapStateSearch({ ...store.get(), lang }))
  const me = (await fetchMe()) ?? (await showSignIn({ app: byId('app-main'), onLanguage }))
  const may = (permission: Permission) => mayDo(me, permission)
  // A session that ends while the page is open (12 h, or revoked) makes the next API call answer
  // 401: the form comes back and a sign-in reloads at the same URL, where the map state lives.
  if (me.mode === 'user') watchSession(() => void signInAgain({ app: byId('app-main'), onLanguage, username: me.user?.username }))
  renderAccount(byId('account'), me)
  showStateProblems(problems)
  const map = createMap(byId('map'), location.origin, { locale: LOCALE, strings: S, view: initialState.view, compass: true })
  window.__map = map
  // The view goes into the URL once the user (or a framing) has moved the map.
  map.on('moveend', () => store.update((s) => withCenterZoom(s, map.getCenter().toArray() as [number, number], map.getZoom())))
  /** The state with the view as a bbox of what the map shows, for embeds and static maps. */
  const shareable = () => {
    const b = map.getBounds()
    return withBbox(store.get(), [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()])
  }
  const embedDialog = createEmbedDialog({
    current: shareable,
    tokens: embedsNeedToken(me),
    onTitle(title) {
      store.update((s) => ({ ...s, title }))
      showTitle(title)
    },
  })
  const reportDialog = createReportDialog({ current: shareable })
  renderHeaderTools(byId('header-tools'), {
    current: shareable,
    mapSize: () => ({ widthPx: map.getContainer().clientWidth, heightPx: map.getContainer().clientHeight }),
    onEmbed: () => embedDialog.open(),
    onReport: () => reportDialog.open(),
    onLanguage,
    may,
  })
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
  // The panel covers the map's inline end: the right, or the left in Arabic.
  const panelSide = directionOf(LOCALE) === 'rtl' ? 'left' : 'right'
  const framePadding = { top: 60, bottom: 60, left: 60, right: 60, [panelSide]: 420 }

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
    // charts (issue 16): incidents per month in the route's corridor, under the map's filters
    const routeChart = createRouteChart({ routeId: id, corridorKm: prefs.corridorKm, store, strings: chartStrings(LOCALE), locale: LOCALE, widthPx: 340 })
    view = { dispose: () => (analysis.dispose(), routeChart.dispose()) }
    panel.show(route, h('div', { class: 'route-analysis-and-chart' }, analysis.element, routeChart.element))
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
  applyMapState(map, store.get())
  // the time range (hotspot slider, saved view) filters routes as it filters incidents, and its
  // end year sets the line widths from the published flows
  let lastTime = JSON.stringify(store.get().time)
  store.subscribe((s) => {
    if (JSON.stringify(s.time) === lastTime) return
    lastTime = JSON.stringify(s.time)
    applyMapState(map, s)
    routeList?.setTime(s.time)
    byId('route-count').textContent = S.routeCount(routeList?.shownCount() ?? routes.features.length)
    void showFlowWidths(s.time)
  })
  const showFlowWidths = async (time: MapState['time']) => {
    const { year, routes: withFigures } = await applyFlowWidths(map, time)
    showFlowYear(byId('legend'), year, withFigures)
  }
  renderLegend(byId('legend'), counts, {
    groups: enabledGroups(store.get()),
    toggles: { labels: toggleOn(store.get(), 'labels'), borders: toggleOn(store.get(), 'borders'), waypoints: true },
  }, {
    onGroupsChange(enabled) {
      store.update((s) => withEnabledGroups(s, enabled))
      applyMapState(map, store.get())
      routeList?.setEnabledGroups(enabled)
      const selected = selectedId === null ? null : routesById.get(selectedId)
      if (selected && !enabled.has(routeGroupKey(selected.properties.family, selected.properties.kind))) select(null, false)
    },
    onLayerToggle(toggle, visible) {
      store.update((s) => withToggle(s, toggle, visible))
      for (const layerId of TOGGLE_LAYER_IDS[toggle]) map.setLayoutProperty(layerId, 'visibility', visible ? 'visible' : 'none')
    },
  })
  routeList = renderRouteList(byId('route-list'), routes, (routeId) => select(routeId, true))
  routeList.setEnabledGroups(enabledGroups(store.get()))
  routeList.setTime(store.get().time)
  byId('route-count').textContent = S.routeCount(routeList.shownCount())
  void showFlowWidths(store.get().time)
  borderPicker = renderBorderPicker(byId('border-tool'), borderOptions(borders, nameOf), openBorder)
  // planner (issue 5): the patrol planner's button and panel; it reopens a `plan=<id>` of the URL
  const planner = initPlanner({
    map, store, borders, nameOf, toolbar: byId('planner-tool'), canPlan: may('plan'), ownState: ownState(me),
    onOpen() { reset(); panel.hide() },
  })
  // end planner
  // While drawing or placing planner posts, clicks add points; a click off every route closes only a route's panel.
  bindRouteInteraction(map, (routeId) => {
    if (drawTool.isDrawing() || planner.isPicking()) return
    if (routeId === null && byId('route-panel').dataset.view !== 'route') return
    select(routeId, false)
  })

  // hotspots (issue 4): hotspot layer and its sidebar section, incident points, import dialog
  initHotspots({
    map, store, after: byId('legend'), toolbar: byId('map-toolbar'), isBusy: () => drawTool.isDrawing() || planner.isPicking(),
    canImport: may('import'), sharing: { ownState: ownState(me), nameOf },
  })
  // end hotspots
  // charts (issue 16): incidents over time for the map's filters, in a panel over the map
  const charts = chartStrings(LOCALE)
  initChartPanel({ store, container: byId('map').parentElement!, toolbar: byId('map-toolbar'), strings: charts, locale: LOCALE, names: { threats: S.threats, families: S.families, strings: charts } })
  // end charts
  // exchange (issue 14): admins merge bundles from partner deployments; the map reloads at the same state after
  if (may('admin')) createExchangeDialog(byId('map-toolbar'), exchangeStrings(LOCALE), LOCALE, () => location.reload())

  map.once('idle', () => {
    document.body.dataset.mapReady = 'true'
  })
}

main().catch((error: unknown) => {
  setStatus(S.routesFailed(error instanceof Error ? error.message : String(error)), true)
  throw error
})
