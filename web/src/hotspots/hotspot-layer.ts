// The hotspot layer on the map: H3 hexagons under the routes, from the service's vector tiles
// for the count view (fluid at resolution 7 over the zone) and from a GeoJSON source filled with
// `/api/hotspots?stat=gistar` cells for the Gi* view (classes need the whole study area, which
// the tiles cannot know).

import type * as maplibregl from 'maplibre-gl'
import type { FeatureCollection } from 'geojson'
import { classColourExpression, countColourExpression } from './colour-ramps.ts'

export const HOTSPOT_TILES_SOURCE = 'hotspots-tiles'
export const HOTSPOT_GISTAR_SOURCE = 'hotspots-gistar'
/** The fill layers a click on a cell hits; browser tests query them. */
export const HOTSPOT_FILL_LAYERS = ['hotspots-fill', 'hotspots-gistar-fill'] as const
const OUTLINE_LAYERS = ['hotspots-outline', 'hotspots-gistar-outline'] as const
/** Hotspots go under the analysis overlays and routes, over the land. */
const BEFORE_LAYER = 'corridor-fill'

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] }

/** Adds the two sources and their fill and outline layers, hidden. */
export function addHotspotLayers(map: maplibregl.Map, tilesUrl: string, breaks: readonly number[]): void {
  const before = map.getLayer(BEFORE_LAYER) ? BEFORE_LAYER : undefined
  map.addSource(HOTSPOT_TILES_SOURCE, { type: 'vector', tiles: [tilesUrl], minzoom: 0, maxzoom: 14, bounds: [-20, 5, 40, 40] })
  map.addSource(HOTSPOT_GISTAR_SOURCE, { type: 'geojson', data: EMPTY })
  const hidden = { visibility: 'none' as const }
  map.addLayer({
    id: 'hotspots-fill', type: 'fill', source: HOTSPOT_TILES_SOURCE, 'source-layer': 'hotspots', layout: hidden,
    paint: { 'fill-color': countColourExpression(breaks), 'fill-opacity': 0.72 },
  }, before)
  map.addLayer({
    id: 'hotspots-outline', type: 'line', source: HOTSPOT_TILES_SOURCE, 'source-layer': 'hotspots', layout: hidden,
    paint: { 'line-color': '#7a2e0e', 'line-opacity': ['interpolate', ['linear'], ['zoom'], 4, 0.1, 8, 0.35], 'line-width': 0.5 },
  }, before)
  map.addLayer({
    id: 'hotspots-gistar-fill', type: 'fill', source: HOTSPOT_GISTAR_SOURCE, layout: hidden,
    paint: {
      'fill-color': classColourExpression(),
      // Not significant cells stay faint: the classes are what this view is about.
      'fill-opacity': ['match', ['get', 'class'], 'not_significant', 0.3, 0.82],
    },
  }, before)
  map.addLayer({
    id: 'hotspots-gistar-outline', type: 'line', source: HOTSPOT_GISTAR_SOURCE, layout: hidden,
    paint: { 'line-color': '#555049', 'line-opacity': ['match', ['get', 'class'], 'not_significant', 0.12, 0.4], 'line-width': 0.5 },
  }, before)
}

/** What the layer draws: nothing, the count tiles, or the Gi* cells. */
export type HotspotMode = 'off' | 'count' | 'gistar'

/** Shows the layers of `mode` and hides the others. */
export function showHotspotMode(map: maplibregl.Map, mode: HotspotMode): void {
  const on = (id: string) => (mode === 'count' ? !id.includes('gistar') : mode === 'gistar' && id.includes('gistar'))
  for (const id of [...HOTSPOT_FILL_LAYERS, ...OUTLINE_LAYERS]) map.setLayoutProperty(id, 'visibility', on(id) ? 'visible' : 'none')
}

/** Points the count tiles at a new URL (filters or pinned resolution changed); reloads them. */
export function setHotspotTiles(map: maplibregl.Map, tilesUrl: string): void {
  map.getSource<maplibregl.VectorTileSource>(HOTSPOT_TILES_SOURCE)?.setTiles([tilesUrl])
}

/** The count ramp for new class breaks. */
export function setCountBreaks(map: maplibregl.Map, breaks: readonly number[]): void {
  map.setPaintProperty('hotspots-fill', 'fill-color', countColourExpression(breaks))
}

/** Replaces the Gi* cells (hexagon features with z, p, q, class). */
export function setGistarCells(map: maplibregl.Map, data: FeatureCollection): void {
  map.getSource<maplibregl.GeoJSONSource>(HOTSPOT_GISTAR_SOURCE)?.setData(data)
}

/** The largest `value` among the count cells drawn now (0 when none is). */
export function drawnMaxValue(map: maplibregl.Map): number {
  let max = 0
  for (const f of map.queryRenderedFeatures({ layers: ['hotspots-fill'] })) {
    const v = Number(f.properties?.value)
    if (v > max) max = v
  }
  return max
}
