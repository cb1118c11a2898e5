// The embeddable map (embed.html, served at /embed/:id and /embed?...): just the map with its
// title, a legend of what is drawn, the scale bar and credits; no app chrome. The state comes
// from the saved view named in the path, or else from the query string, as in the app. With
// AUTH=on the embed code's `token` (an embed token of the view) goes as a bearer credential with
// every request of the page, tiles included; without a valid one the page says so.

import 'maplibre-gl/dist/maplibre-gl.css'
import './styles.css'
import './embed.css'
import type * as maplibregl from 'maplibre-gl'
import { parseMapState, type MapState } from '../../shared/map-state.ts'
import { ApiError, fetchCountries, fetchRoutes, type CountryCollection } from './api.ts'
import { fetchView } from './api-views.ts'
import { setBearer } from './auth/credentials.ts'
import { authStrings } from './auth/strings.ts'
import { applyMapState } from './map/apply-state.ts'
import { applyFlowWidths } from './map/flow-widths.ts'
import { COUNTRY_LABELS_SOURCE } from './map/basemap-layers.ts'
import { createMap } from './map/create-map.ts'
import { fontFaceCss } from './map/fonts.ts'
import { countryLabelPoints } from '../../shared/label-point.ts'
import { toMapRoutes } from './map/route-features.ts'
import { routeGroupKey } from './map/route-groups.ts'
import { ROUTES_SOURCE } from './map/route-layers.ts'
import { mapStateSearch, readMapState } from './state/url-state.ts'
import { renderEmbedLegend, showEmbedFlowYear } from './ui/embed-legend.ts'
import { directionOf, LOCALE, S, setLocale } from './ui/strings.ts'

declare global {
  interface Window {
    __map?: maplibregl.Map
  }
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id)
  if (!found) throw new Error(`embed.html has no element #${id}`)
  return found as T
}

function fail(message: string): void {
  const status = element('status')
  status.textContent = message
  status.classList.add('status-error')
  status.hidden = false
  document.body.dataset.mapError = 'state'
}

/** The state of this embed: a saved view for /embed/<id>, else the query string. */
async function loadState(): Promise<MapState> {
  const id = /^\/embed\/([^/]+)\/?$/.exec(location.pathname)?.[1]
  if (id === undefined) return readMapState(location.search).state
  const view = await fetchView(decodeURIComponent(id))
  return parseMapState(view.params)
}

/** The message for a failed load: a refused or missing key (401, 403), a missing view (404), or the error. */
function failureText(error: unknown, otherwise: (message: string) => string): string {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return authStrings(LOCALE).embedNeedsKey
  if (error instanceof ApiError && error.status === 404) return S.embedViewMissing
  return otherwise(error instanceof Error ? error.message : String(error))
}

async function main(): Promise<void> {
  setBearer(new URLSearchParams(location.search).get('token'))
  const fonts = document.createElement('style')
  fonts.textContent = fontFaceCss()
  document.head.append(fonts)
  let state: MapState
  try {
    state = await loadState()
  } catch (error) {
    // The page's language is unknown until the view is read: English for what it cannot read.
    fail(failureText(error, S.embedFailedLoad))
    return
  }
  setLocale(state.lang)
  document.documentElement.lang = LOCALE
  document.documentElement.dir = directionOf(LOCALE)
  document.title = state.title ?? S.productName
  const title = element('embed-title')
  title.textContent = state.title ?? S.productName
  title.hidden = false
  // The full app at the same state, for readers who want to explore it; a new tab, not the frame.
  const open = document.createElement('a')
  open.className = 'embed-open'
  open.href = `/${mapStateSearch(state)}`
  open.target = '_blank'
  open.rel = 'noopener'
  open.textContent = S.embedOpenFull
  title.after(open)

  const map = createMap(element('map'), location.origin, { locale: LOCALE, strings: S, view: state.view, compass: false })
  window.__map = map
  // A bbox view keeps framing the same area when the iframe is resized.
  if ('bbox' in state.view) {
    const [w, s, e, n] = state.view.bbox
    new ResizeObserver(() => map.fitBounds([[w, s], [e, n]], { padding: 16, animate: false })).observe(element('map'))
  }
  const mapLoaded = new Promise<void>((resolve) => map.once('load', () => resolve()))
  const countriesLoaded = fetchCountries().catch((error: unknown): CountryCollection => {
    console.error(error)
    return { type: 'FeatureCollection', features: [] }
  })
  try {
    const [routes, countries] = await Promise.all([fetchRoutes(), countriesLoaded, mapLoaded])
    map.getSource<maplibregl.GeoJSONSource>(ROUTES_SOURCE)?.setData(toMapRoutes(routes))
    map.getSource<maplibregl.GeoJSONSource>(COUNTRY_LABELS_SOURCE)?.setData(countryLabelPoints(countries))
    applyMapState(map, state)
    const counts = new Map<string, number>()
    for (const route of routes.features) {
      const key = routeGroupKey(route.properties.family, route.properties.kind)
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    renderEmbedLegend(element<HTMLDetailsElement>('embed-legend'), state, counts)
    void applyFlowWidths(map, state.time).then(({ year, routes: withFigures }) => showEmbedFlowYear(element<HTMLDetailsElement>('embed-legend'), year, withFigures))
    // A small frame has no room for an open legend: it starts folded.
    if (window.innerHeight < 420 || window.innerWidth < 480) element<HTMLDetailsElement>('embed-legend').open = false
  } catch (error) {
    fail(failureText(error, S.routesFailed))
    document.body.dataset.mapError = 'routes'
    return
  }
  map.once('idle', () => {
    document.body.dataset.mapReady = 'true'
  })
}

main().catch((error: unknown) => {
  fail(S.embedFailedLoad(error instanceof Error ? error.message : String(error)))
  throw error
})
