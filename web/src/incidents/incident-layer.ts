// Incident points at high zoom: a clustered GeoJSON source filled from `/api/incidents` for the
// view's bbox and filters, paged with its cursor up to a cap, so a dense view never loads more
// than `INCIDENT_CAP` points. Clusters show their count; a click zooms into a cluster.

import type * as maplibregl from 'maplibre-gl'
import type { FeatureCollection, Point } from 'geojson'
import { FONT_BOLD } from '../map/fonts.ts'
import { getJson, type IncidentPage, type IncidentProperties } from '../hotspots/hotspots-api.ts'
import { incidentsUrl, type Bbox } from '../hotspots/hotspot-query.ts'
import { INCIDENT_MIN_ZOOM } from '../hotspots/zoom-res.ts'
import type { MapState } from '../../../shared/map-state.ts'

export const INCIDENTS_SOURCE = 'incidents'
/** Cluster bubbles, their counts, and single incidents; browser tests query them. */
export const INCIDENT_LAYER_IDS = ['incidents-cluster', 'incidents-cluster-count', 'incidents-point'] as const
/** Most incidents one view loads; pages of `INCIDENT_PAGE` follow the cursor up to it. */
export const INCIDENT_CAP = 5000
const INCIDENT_PAGE = 2500
const BEFORE_LAYER = 'waypoints-circle'

/** Adds the clustered source and its three layers, hidden. */
export function addIncidentLayers(map: maplibregl.Map): void {
  const before = map.getLayer(BEFORE_LAYER) ? BEFORE_LAYER : undefined
  map.addSource(INCIDENTS_SOURCE, {
    type: 'geojson',
    data: { type: 'FeatureCollection', features: [] },
    cluster: true,
    clusterRadius: 40, // px: bubbles about as wide as their circles
    clusterMaxZoom: 13, // from zoom 14 every incident stands alone
  })
  const layout = { visibility: 'none' as const }
  map.addLayer({
    id: 'incidents-cluster', type: 'circle', source: INCIDENTS_SOURCE, minzoom: INCIDENT_MIN_ZOOM, filter: ['has', 'point_count'], layout,
    paint: {
      'circle-color': '#3b3a36',
      'circle-opacity': 0.82,
      'circle-radius': ['step', ['get', 'point_count'], 11, 10, 14, 50, 18, 200, 23],
      'circle-stroke-color': '#fbf9f4',
      'circle-stroke-width': 1.5,
    },
  }, before)
  map.addLayer({
    id: 'incidents-cluster-count', type: 'symbol', source: INCIDENTS_SOURCE, minzoom: INCIDENT_MIN_ZOOM, filter: ['has', 'point_count'],
    layout: { ...layout, 'text-field': ['get', 'point_count_abbreviated'], 'text-font': [FONT_BOLD], 'text-size': 11, 'text-allow-overlap': true },
    paint: { 'text-color': '#ffffff' },
  }, before)
  map.addLayer({
    id: 'incidents-point', type: 'circle', source: INCIDENTS_SOURCE, minzoom: INCIDENT_MIN_ZOOM, filter: ['!', ['has', 'point_count']], layout,
    paint: {
      'circle-color': '#3b3a36',
      'circle-radius': 5,
      'circle-stroke-color': '#fbf9f4',
      'circle-stroke-width': 1.5,
    },
  }, before)
}

/** Shows or hides the incident layers. */
export function showIncidents(map: maplibregl.Map, visible: boolean): void {
  for (const id of INCIDENT_LAYER_IDS) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none')
}

/** The incidents of `bbox` under the state's filters, newest first, at most `cap`, with their datasets. */
export async function loadIncidents(state: MapState, bbox: Bbox, signal: AbortSignal, cap = INCIDENT_CAP): Promise<{ data: FeatureCollection<Point, IncidentProperties>; datasets: Set<string>; capped: boolean }> {
  const features: IncidentPage['features'] = []
  const datasets = new Set<string>()
  let cursor: string | null = null
  do {
    const page: IncidentPage = await getJson<IncidentPage>(incidentsUrl(state, { bbox, limit: Math.min(INCIDENT_PAGE, cap - features.length), cursor }), signal)
    features.push(...page.features)
    for (const c of page.credits) datasets.add(c.dataset)
    cursor = page.next_cursor
  } while (cursor !== null && features.length < cap)
  return { data: { type: 'FeatureCollection', features }, datasets, capped: cursor !== null }
}

/** Draws loaded incidents in the clustered source. */
export function setIncidents(map: maplibregl.Map, data: FeatureCollection<Point, IncidentProperties>): void {
  map.getSource<maplibregl.GeoJSONSource>(INCIDENTS_SOURCE)?.setData(data)
}

/** Zooms into a clicked cluster, to the zoom where it splits. */
export async function expandCluster(map: maplibregl.Map, clusterId: number, center: [number, number]): Promise<void> {
  const source = map.getSource<maplibregl.GeoJSONSource>(INCIDENTS_SOURCE)
  if (!source) return
  const zoom = await source.getClusterExpansionZoom(clusterId)
  map.easeTo({ center, zoom })
}
