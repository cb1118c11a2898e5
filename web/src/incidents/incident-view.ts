// The incident points on the map: loads the view's incidents when the layer is on and the map is
// zoomed in far enough, opens a point's popup (date, threat, counts, credit, source link) and
// zooms into a clicked cluster.

import * as maplibregl from 'maplibre-gl'
import type { MapState } from '../../../shared/map-state.ts'
import { ANALYSIS_BBOX } from '../../../shared/vocabulary.ts'
import { incidentItem } from '../hotspots/cell-popup.ts'
import { incidentsUrl, type Bbox } from '../hotspots/hotspot-query.ts'
import type { IncidentProperties } from '../hotspots/hotspots-api.ts'
import type { HotspotStrings } from '../hotspots/strings.ts'
import { INCIDENT_MIN_ZOOM } from '../hotspots/zoom-res.ts'
import { h } from '../ui/dom.ts'
import { LOCALE } from '../ui/strings.ts'
import { addIncidentLayers, expandCluster, loadIncidents, setIncidents, showIncidents } from './incident-layer.ts'

export interface IncidentView {
  /** Shows or hides the points and loads the view's incidents when needed. */
  update(state: MapState, on: boolean): void
}

/** Adds the incident layers; `onDatasets` gets the datasets of the points drawn (empty when none). */
export function createIncidentView(map: maplibregl.Map, t: HotspotStrings, threatName: (code: string) => string, onDatasets: (datasets: Set<string>) => void): IncidentView {
  addIncidentLayers(map)
  let loading: AbortController | null = null
  let lastKey = ''

  map.on('click', 'incidents-cluster', (event) => {
    const f = event.features?.[0]
    if (f?.geometry.type === 'Point') void expandCluster(map, Number(f.properties?.cluster_id), f.geometry.coordinates as [number, number])
  })
  map.on('click', 'incidents-point', (event) => {
    const f = event.features?.[0]
    if (!f || f.geometry.type !== 'Point') return
    const p = f.properties as IncidentProperties
    new maplibregl.Popup({ maxWidth: '320px', className: 'hotspot-popup-frame' })
      .setLngLat(f.geometry.coordinates as [number, number])
      .setDOMContent(h('div', { class: 'incident-popup' }, h('ul', { class: 'incident-list' }, incidentItem(p, { strings: t, locale: LOCALE, threatName }))))
      .addTo(map)
  })
  for (const layer of ['incidents-cluster', 'incidents-point']) {
    map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'))
    map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''))
  }

  return {
    update(state, on) {
      showIncidents(map, on)
      if (!on || map.getZoom() < INCIDENT_MIN_ZOOM) {
        loading?.abort()
        lastKey = ''
        onDatasets(new Set())
        return
      }
      const b = map.getBounds()
      const bbox: Bbox = [Math.max(b.getWest(), ANALYSIS_BBOX[0]), Math.max(b.getSouth(), ANALYSIS_BBOX[1]), Math.min(b.getEast(), ANALYSIS_BBOX[2]), Math.min(b.getNorth(), ANALYSIS_BBOX[3])]
      const key = incidentsUrl(state, { bbox, limit: 1 })
      if (key === lastKey) return
      lastKey = key
      loading?.abort()
      const controller = new AbortController()
      loading = controller
      loadIncidents(state, bbox, controller.signal).then(({ data, datasets }) => {
        if (controller.signal.aborted) return
        setIncidents(map, data)
        map.getContainer().dataset.incidents = String(data.features.length)
        onDatasets(datasets)
      }, (error: unknown) => {
        if (!controller.signal.aborted) console.error(error)
        lastKey = ''
      })
    },
  }
}
