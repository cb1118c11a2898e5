// Wires the hotspot layer into the app: its sidebar section, the map layers, the incident points,
// the cell popup, the import dialog and the "synthetic demo data" label, all driven by the map
// state (layers `hotspots`/`incidents`, `hres`, `hstat`, `threats`, `sources`, `origin`, `families`,
// `from`/`to`), which the controls write back so the URL keeps them.

import type * as maplibregl from 'maplibre-gl'
import type { MapState } from '../../../shared/map-state.ts'
import { ANALYSIS_BBOX } from '../../../shared/vocabulary.ts'
import type { SharingFieldOptions } from '../auth/sharing-field.ts'
import { exchangeStrings } from '../exchange/strings.ts'
import { createImportDialog } from '../imports/import-dialog.ts'
import { createIncidentView } from '../incidents/incident-view.ts'
import { withLayer } from '../state/legend-state.ts'
import type { StateStore } from '../state/state-store.ts'
import { h } from '../ui/dom.ts'
import { LOCALE, S } from '../ui/strings.ts'
import { cellFeatures } from './cell-geometry.ts'
import { openCellPopup } from './cell-popup.ts'
import { countBreaks } from './colour-ramps.ts'
import { createFilterControls } from './filter-controls.ts'
import { addHotspotLayers, drawnMaxValue, HOTSPOT_FILL_LAYERS, setCountBreaks, setGistarCells, setHotspotTiles, showHotspotMode, type HotspotMode } from './hotspot-layer.ts'
import { createHotspotPanel } from './hotspot-panel.ts'
import { hotspotsUrl, hotspotTilesUrl, trendsUrl, type Bbox } from './hotspot-query.ts'
import { DEMO_DATASET, getJson, type Credit, type HotspotAnswer, type HotspotCell, type TrendAnswer } from './hotspots-api.ts'
import { hotspotStrings } from './strings.ts'
import { createTimeSlider } from './time-slider.ts'
import { monthIndex, timeOfWindow, windowOf, type MonthWindow } from './time-steps.ts'
import { hotspotRes } from './zoom-res.ts'

export interface HotspotsOptions {
  map: maplibregl.Map
  store: StateStore
  /** The sidebar section the hotspot section goes after (the legend). */
  after: HTMLElement
  /** The map toolbar, which gets the "Import data" button. */
  toolbar: HTMLElement
  /** True while another tool owns map clicks (the draw tool). */
  isBusy(): boolean
  /** Offer "Import data": the viewer may import (permission 'import'). */
  canImport: boolean
  /** Whose imports they are, for the import dialog's "Shared with". */
  sharing: Omit<SharingFieldOptions, 'idPrefix'>
}

const threatName = (code: string) => S.threats[code as keyof typeof S.threats] ?? code.replaceAll('_', ' ')

/** Adds the hotspot layer and its controls; call once the map's style has loaded. */
export function initHotspots(options: HotspotsOptions): void {
  const { map, store } = options
  const t = hotspotStrings(LOCALE)
  const origin = location.origin
  let state = store.get()
  let breaks = countBreaks(1)
  let extent: MonthWindow | null = null
  let viewCredits: Credit[] = []
  const update = (change: (s: MapState) => MapState) => store.update(change)

  const panel = createHotspotPanel(t, LOCALE, {
    hotspots: state.layers.includes('hotspots'),
    incidents: state.layers.includes('incidents'),
    stat: state.hotspots.stat,
    pinnedRes: state.hotspots.res,
  }, {
    onLayer: (layer, on) => update((s) => ({ ...s, layers: withLayer(s.layers, layer, on) })),
    onStat: (stat) => update((s) => ({ ...s, hotspots: { ...s.hotspots, stat } })),
    onRes: (res) => update((s) => ({ ...s, hotspots: { ...s.hotspots, res } })),
  })
  options.after.after(panel.element)
  const slider = createTimeSlider(panel.slots.time, t, LOCALE, (window) => {
    if (extent) update((s) => ({ ...s, time: timeOfWindow(window, extent!) }))
  })
  const filters = createFilterControls(panel.slots.filters, t, exchangeStrings(LOCALE), state.filters, { threat: threatName, state: options.sharing.nameOf }, (picked) =>
    update((s) => ({ ...s, filters: { ...s.filters, threats: picked.threats, sources: picked.sources, origin: picked.origin } })))
  const demoBadge = h('p', { class: 'demo-badge', id: 'demo-badge', role: 'note', hidden: true }, t.demoLabel)
  panel.key.classList.add('hotspot-key-overlay')
  map.getContainer().parentElement?.append(demoBadge, panel.key)

  if (options.canImport) {
    const importButton = h('button', { type: 'button', class: 'tool-button', id: 'import-data' }, t.importButton)
    options.toolbar.append(h('div', { class: 'toolbar-group', id: 'import-tool' }, importButton))
    const dialog = createImportDialog({ strings: t, locale: LOCALE, sharing: options.sharing, onImported: () => {
      loadExtent()
      setHotspotTiles(map, hotspotTilesUrl(origin, store.get()))
      refreshView(true)
    } })
    importButton.addEventListener('click', () => dialog.open())
  }

  addHotspotLayers(map, hotspotTilesUrl(origin, state), breaks)
  const incidents = createIncidentView(map, t, threatName, (datasets) => showDemo(datasets))

  const viewBbox = (): Bbox => {
    const b = map.getBounds()
    return [Math.max(b.getWest(), ANALYSIS_BBOX[0]), Math.max(b.getSouth(), ANALYSIS_BBOX[1]), Math.min(b.getEast(), ANALYSIS_BBOX[2]), Math.min(b.getNorth(), ANALYSIS_BBOX[3])]
  }
  const res = () => hotspotRes(map.getZoom(), state.hotspots.res)
  const mode = (): HotspotMode => (!state.layers.includes('hotspots') ? 'off' : state.hotspots.stat === 'gistar' ? 'gistar' : 'count')
  let incidentDatasets = new Set<string>()
  function showDemo(datasets?: Set<string>): void {
    if (datasets) incidentDatasets = datasets
    const hotspotsDemo = mode() !== 'off' && viewCredits.some((c) => c.dataset === DEMO_DATASET)
    demoBadge.hidden = !(hotspotsDemo || incidentDatasets.has(DEMO_DATASET))
    document.body.dataset.demoData = String(!demoBadge.hidden)
  }

  /** Gi* cells (in the Gi* view) or a res-3 summary (for the credits) of the view, one request at a time. */
  let viewRequest: AbortController | null = null
  let lastViewUrl = ''
  async function refreshView(force = false): Promise<void> {
    const m = mode()
    panel.setKey({ stat: state.hotspots.stat, breaks, res: res() })
    const url = m === 'gistar' ? hotspotsUrl(state, { res: res(), stat: 'gistar', bbox: viewBbox() }) : hotspotsUrl(state, { res: 3, stat: 'none', bbox: viewBbox() })
    if (url === lastViewUrl && !force) return
    lastViewUrl = url
    viewRequest?.abort()
    const controller = new AbortController()
    viewRequest = controller
    if (m === 'gistar') panel.setStatus(t.loading)
    try {
      const answer = await getJson<HotspotAnswer>(url, controller.signal)
      if (m === 'gistar') setGistarCells(map, cellFeatures(answer.cells))
      viewCredits = answer.credits
      panel.setCredits(answer.credits, answer.note)
      panel.setStatus('')
      showDemo()
      document.body.dataset.hotspotsReady = m
    } catch (error) {
      if (controller.signal.aborted) return
      lastViewUrl = ''
      panel.setStatus(t.failed(error instanceof Error ? error.message : String(error)), true)
    }
  }

  /** The months that hold incidents and the datasets there are, for the slider and the source filter. */
  async function loadExtent(): Promise<void> {
    try {
      const answer = await getJson<TrendAnswer>(trendsUrl({ ...state, filters: { ...state.filters, threats: [], sources: [], families: [], origin: null }, time: { from: null, to: null } }, { res: 3, bin: 'month' }))
      filters.setSources(answer.credits, state.filters.sources)
      if (answer.bins.length === 0) return
      extent = { from: monthIndex(answer.bins[0]), to: monthIndex(answer.bins[answer.bins.length - 1]) }
      slider.setExtent(extent, windowOf(state.time, extent))
    } catch (error) {
      console.error(error)
    }
  }

  /** Draws what the state asks for; `previous` tells what changed. */
  function apply(previous: MapState | null): void {
    const m = mode()
    showHotspotMode(map, m)
    panel.key.hidden = m === 'off'
    const tiles = hotspotTilesUrl(origin, state)
    if (previous && tiles !== hotspotTilesUrl(origin, previous)) setHotspotTiles(map, tiles)
    if (extent) slider.setWindow(windowOf(state.time, extent))
    filters.setFamilies(state.filters.families.map((f) => S.families[f as keyof typeof S.families] ?? f))
    incidents.update(state, state.layers.includes('incidents'))
    refreshView()
    showDemo()
  }

  store.subscribe((next) => {
    const before = state
    state = next
    const key = (s: MapState) => JSON.stringify([s.layers, s.filters, s.time, s.hotspots])
    if (key(before) !== key(next)) apply(before)
  })
  let moveTimer: ReturnType<typeof setTimeout> | undefined
  map.on('moveend', () => {
    clearTimeout(moveTimer)
    moveTimer = setTimeout(() => {
      refreshView()
      incidents.update(state, state.layers.includes('incidents'))
    }, 250)
  })
  // The count ramp follows the largest count drawn, on 1-2-5 breaks that rarely move.
  map.on('idle', () => {
    if (mode() !== 'count') return
    const next = countBreaks(drawnMaxValue(map))
    if (next.join() !== breaks.join()) {
      breaks = next
      setCountBreaks(map, breaks)
      panel.setKey({ stat: state.hotspots.stat, breaks, res: res() })
    }
  })

  for (const layer of HOTSPOT_FILL_LAYERS) {
    map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'))
    map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''))
    map.on('click', layer, (event) => {
      if (options.isBusy()) return
      const p = event.features?.[0]?.properties
      if (!p) return
      const cell: HotspotCell = { h3: String(p.h3), value: Number(p.value), n: Number(p.n) }
      if (p.z !== undefined) Object.assign(cell, { z: Number(p.z), p: Number(p.p), q: Number(p.q), class: p.class })
      openCellPopup({
        map, state, res: res(), viewBbox: viewBbox(), months: extent ? windowOf(state.time, extent) : { from: 0, to: 0 },
        strings: t, locale: LOCALE, threatName,
      }, cell, event.lngLat)
    })
  }

  apply(null)
  loadExtent()
}
