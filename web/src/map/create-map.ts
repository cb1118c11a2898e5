// Builds the MapLibre map: the offline style, the state's view, controls placed for the page's
// reading direction, credits and MapLibre's own strings in the page's language, and the icons
// drawn in code when the style first asks for them.

import * as maplibregl from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import type { MapState } from '../../../shared/map-state.ts'
import { authorizeMapRequest } from '../auth/credentials.ts'
import { directionOf, type Locale, type UiStrings } from '../ui/strings.ts'
import { ICON_PIXEL_RATIO, MAP_IMAGES } from './map-images.ts'
import { useRtlTextPlugin } from './rtl-text.ts'
import { buildStyle } from './style.ts'

/** The initial view, [[west, south], [east, north]] in degrees: the ten states and their coasts. */
export const INITIAL_BOUNDS: [[number, number], [number, number]] = [[-18, 8], [38, 36]]

// The worker is bundled as a file of our own; MapLibre must not look for it anywhere else.
maplibregl.setWorkerUrl(workerUrl)

export interface CreateMapOptions {
  locale: Locale
  strings: UiStrings
  view: MapState['view']
  /** Zoom and north buttons (the app); an embed keeps only zoom buttons. */
  compass: boolean
}

/** A map in `container`, its style and tiles read from `origin` only, with the page's credential. */
export function createMap(container: HTMLElement, origin: string, options: CreateMapOptions): maplibregl.Map {
  const { locale, strings: s, view } = options
  useRtlTextPlugin()
  const rtl = directionOf(locale) === 'rtl'
  const map = new maplibregl.Map({
    container,
    style: buildStyle(origin, locale),
    ...('bbox' in view
      ? { bounds: [[view.bbox[0], view.bbox[1]], [view.bbox[2], view.bbox[3]]] as [[number, number], [number, number]], fitBoundsOptions: { padding: 16 } }
      : { center: view.center, zoom: view.zoom }),
    minZoom: 2,
    maxZoom: 16,
    renderWorldCopies: false,
    attributionControl: false,
    // An embed's token goes with its tile requests too (the app's session cookie goes by itself).
    transformRequest: authorizeMapRequest,
    locale: {
      'Map.Title': s.mapTitle,
      'NavigationControl.ZoomIn': s.mapZoomIn,
      'NavigationControl.ZoomOut': s.mapZoomOut,
      'NavigationControl.ResetBearing': s.mapResetBearing,
      'AttributionControl.ToggleAttribution': s.mapToggleAttribution,
      'ScaleControl.Kilometers': s.scaleKm,
      'ScaleControl.Meters': s.scaleM,
    },
  })
  map.setMissingStyleImageResolver((id) => {
    const draw = MAP_IMAGES[id]
    if (draw && !map.hasImage(id)) map.addImage(id, draw(), { sdf: true, pixelRatio: ICON_PIXEL_RATIO })
  })
  // Controls sit on the side the page reads towards: mirrored for Arabic, like the rest of the layout.
  map.addControl(new maplibregl.NavigationControl({ visualizePitch: false, showCompass: options.compass }), rtl ? 'top-left' : 'top-right')
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), rtl ? 'bottom-right' : 'bottom-left')
  map.addControl(new maplibregl.AttributionControl({
    compact: false,
    customAttribution: [s.attributionNaturalEarth, s.attributionGeoNames, s.attributionCatalogue],
  }), rtl ? 'bottom-left' : 'bottom-right')
  map.dragRotate.disable()
  map.touchZoomRotate.disableRotation()
  return map
}
