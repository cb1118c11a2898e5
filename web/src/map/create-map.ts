// Builds the MapLibre map: the offline style, a view framing the zone, URL-hash view state,
// controls, credits, and the icons drawn in code when the style first asks for them.

import * as maplibregl from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import type { Locale, UiStrings } from '../ui/strings.ts'
import { ICON_PIXEL_RATIO, MAP_IMAGES } from './map-images.ts'
import { buildStyle } from './style.ts'

/** The initial view, [[west, south], [east, north]] in degrees: the ten states and their coasts. */
export const INITIAL_BOUNDS: [[number, number], [number, number]] = [[-18, 8], [38, 36]]

// The worker is bundled as a file of our own; MapLibre must not look for it anywhere else.
maplibregl.setWorkerUrl(workerUrl)

/** A map in `container`, its style and tiles read from `origin` only. */
export function createMap(container: HTMLElement, origin: string, locale: Locale, strings: UiStrings): maplibregl.Map {
  const map = new maplibregl.Map({
    container,
    style: buildStyle(origin, locale),
    bounds: INITIAL_BOUNDS,
    fitBoundsOptions: { padding: 16 },
    hash: true,
    minZoom: 2,
    maxZoom: 16,
    renderWorldCopies: false,
    attributionControl: {
      compact: false,
      customAttribution: [strings.attributionNaturalEarth, strings.attributionGeoNames, strings.attributionCatalogue],
    },
  })
  map.setMissingStyleImageResolver((id) => {
    const draw = MAP_IMAGES[id]
    if (draw && !map.hasImage(id)) map.addImage(id, draw(), { sdf: true, pixelRatio: ICON_PIXEL_RATIO })
  })
  map.addControl(new maplibregl.NavigationControl({ visualizePitch: false, showCompass: true }), 'top-right')
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left')
  map.dragRotate.disable()
  map.touchZoomRotate.disableRotation()
  return map
}
