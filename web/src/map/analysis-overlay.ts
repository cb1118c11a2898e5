// Writes analysis results into the map's analysis sources (see `analysis-layers.ts`).

import type * as maplibregl from 'maplibre-gl'
import type { FeatureCollection, GeoJSON } from 'geojson'
import type { BorderCollection, LineAnalysis } from '../api.ts'
import { BORDER_HIGHLIGHT_SOURCE, CORRIDOR_SOURCE, CROSSINGS_SOURCE, SKETCH_SOURCE } from './analysis-layers.ts'
import { routeCrossingMarkers, type CrossingMarkers } from './crossing-features.ts'

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] }

function setData(map: maplibregl.Map, sourceId: string, data: GeoJSON): void {
  map.getSource<maplibregl.GeoJSONSource>(sourceId)?.setData(data)
}

/** Crossing markers of an analysed line, and its corridor when `corridorVisible`; null clears both. */
export function showLineAnalysis(map: maplibregl.Map, analysis: LineAnalysis | null, corridorVisible: boolean): void {
  setData(map, CROSSINGS_SOURCE, analysis ? routeCrossingMarkers(analysis.border_crossings) : EMPTY)
  setData(map, CORRIDOR_SOURCE, analysis && corridorVisible ? { type: 'Feature', geometry: analysis.corridor.geometry, properties: {} } : EMPTY)
}

/** Highlights one border (its features from `/api/borders`) and numbers its crossings. */
export function showBorder(map: maplibregl.Map, border: BorderCollection | null, markers: CrossingMarkers | null): void {
  setData(map, BORDER_HIGHLIGHT_SOURCE, border ?? EMPTY)
  setData(map, CROSSINGS_SOURCE, markers ?? EMPTY)
}

/** The draw tool's sketch (see `sketchFeatures`). */
export function showSketch(map: maplibregl.Map, sketch: FeatureCollection | null): void {
  setData(map, SKETCH_SOURCE, sketch ?? EMPTY)
}

/** Removes every analysis overlay: markers, corridor, border highlight and sketch. */
export function clearAnalysisOverlays(map: maplibregl.Map): void {
  for (const source of [CROSSINGS_SOURCE, CORRIDOR_SOURCE, BORDER_HIGHLIGHT_SOURCE, SKETCH_SOURCE]) setData(map, source, EMPTY)
}
