// The offline basemap: the service's own vector tiles (countries, borders, places) drawn as a
// calm sand-and-sea backdrop under the routes, with labels above them.

import type { LayerSpecification, SourceSpecification } from 'maplibre-gl'
import { ANALYSIS_BBOX } from '../../../shared/vocabulary.ts'
import type { Locale } from '../ui/strings.ts'
import { FONT_BOLD, FONT_REGULAR } from './fonts.ts'
import { graticule } from './graticule.ts'
import { BASEMAP_COLOURS as C } from '../../../shared/palette.ts'

/** The vector tile layers the service publishes; each MVT holds one source-layer of that name. */
export const TILE_LAYERS = ['countries', 'borders', 'places'] as const

/** Basemap layer ids drawn beneath the routes. */
export const BASEMAP_LOWER_IDS = ['background', 'graticule', 'countries-fill', 'countries-outline', 'borders'] as const
/** Basemap label layer ids drawn above the routes. */
export const BASEMAP_LABEL_IDS = ['places-minor', 'places-major', 'country-labels'] as const

/** The image ids the label layers draw place dots with (see `map-images.ts`). */
export const PLACE_DOT_IMAGE = 'place-dot'

/** Tile URL template of one of the service's vector tile layers, absolute on `origin`. */
export function tileUrl(origin: string, layer: string): string {
  return `${origin}/tiles/${layer}/{z}/{x}/{y}.mvt`
}

/** The GeoJSON source of one label point per country, filled from `/api/countries`. */
export const COUNTRY_LABELS_SOURCE = 'country-labels'

/**
 * Vector tile sources for the basemap (bounded like the service's TileJSON, so no tile outside
 * the analysis box is asked for), the sea graticule, and the empty country label points.
 */
export function basemapSources(origin: string): Record<string, SourceSpecification> {
  const [west, south, east, north] = ANALYSIS_BBOX
  const sources: Record<string, SourceSpecification> = {}
  for (const layer of TILE_LAYERS) {
    sources[layer] = { type: 'vector', tiles: [tileUrl(origin, layer)], minzoom: 0, maxzoom: 14, bounds: [west, south, east, north] }
  }
  sources.graticule = { type: 'geojson', data: graticule([west - 20, south - 15, east + 20, north + 15], 5) }
  sources[COUNTRY_LABELS_SOURCE] = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }
  return sources
}

/** Background, land, coast and borders: everything drawn under the routes. */
export function basemapLowerLayers(): LayerSpecification[] {
  return [
    { id: 'background', type: 'background', paint: { 'background-color': C.sea } },
    {
      id: 'graticule',
      type: 'line',
      source: 'graticule',
      paint: { 'line-color': C.graticule, 'line-width': 0.6 },
    },
    {
      id: 'countries-fill',
      type: 'fill',
      source: 'countries',
      'source-layer': 'countries',
      paint: {
        'fill-color': ['case', ['==', ['get', 'member'], true], C.memberLand, C.neighbourLand],
        'fill-antialias': true,
      },
    },
    {
      // Every country edge, coast included, faint; land borders of the zone are drawn again below.
      id: 'countries-outline',
      type: 'line',
      source: 'countries',
      'source-layer': 'countries',
      paint: { 'line-color': C.coast, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.5, 8, 1] },
    },
    {
      id: 'borders',
      type: 'line',
      source: 'borders',
      'source-layer': 'borders',
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': C.border,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.7, 8, 1.4],
        'line-dasharray': [4, 2],
      },
    },
  ]
}

/** Place and country labels, drawn above the routes; names in `locale` where the tiles have it. */
export function basemapLabelLayers(locale: Locale): LayerSpecification[] {
  const placeLabel = (id: string, filter: unknown, minzoom: number, textSize: unknown): LayerSpecification => ({
    id,
    type: 'symbol',
    source: 'places',
    'source-layer': 'places',
    minzoom,
    filter: filter as never,
    layout: {
      'icon-image': PLACE_DOT_IMAGE,
      'icon-size': ['match', ['get', 'rank'], 0, 0.85, 1, 0.6, 0.5],
      'text-field': ['coalesce', ['get', 'label'], ['get', 'name']],
      'text-font': ['match', ['get', 'rank'], 0, ['literal', [FONT_BOLD]], ['literal', [FONT_REGULAR]]],
      'text-size': textSize as never,
      'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
      'text-radial-offset': 0.6,
      'text-justify': 'auto',
      'text-max-width': 8,
      'symbol-sort-key': ['get', 'rank'],
    },
    paint: {
      'icon-color': C.placeDot,
      'icon-halo-color': C.halo,
      'icon-halo-width': 1,
      'text-color': C.placeLabel,
      'text-halo-color': C.halo,
      'text-halo-width': 1.4,
    },
  })
  const nameField = ['coalesce', ['get', `name_${locale}`], ['get', 'name_en'], ['get', 'iso3']]
  return [
    placeLabel('places-minor', ['>=', ['get', 'rank'], 2], 7, ['interpolate', ['linear'], ['zoom'], 7, 10.5, 10, 12.5]),
    placeLabel('places-major', ['<=', ['get', 'rank'], 1], 2.5, [
      'interpolate', ['linear'], ['zoom'],
      3, ['match', ['get', 'rank'], 0, 11.5, 10.5],
      8, ['match', ['get', 'rank'], 0, 14, 12.5],
    ]),
    {
      id: 'country-labels',
      type: 'symbol',
      source: COUNTRY_LABELS_SOURCE,
      minzoom: 2,
      layout: {
        'text-field': nameField as never,
        'text-font': ['case', ['==', ['get', 'member'], true], ['literal', [FONT_BOLD]], ['literal', [FONT_REGULAR]]],
        'text-size': ['interpolate', ['linear'], ['zoom'], 3, ['case', ['==', ['get', 'member'], true], 11.5, 10], 7, 16],
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.12,
        'text-max-width': 7,
        'text-padding': 8,
        'symbol-sort-key': ['case', ['==', ['get', 'member'], true], 0, 1],
      },
      paint: {
        'text-color': ['case', ['==', ['get', 'member'], true], C.countryLabelMember, C.countryLabelNeighbour],
        'text-halo-color': C.halo,
        'text-halo-width': 1.2,
        'text-opacity': ['interpolate', ['linear'], ['zoom'], 7, 1, 9, 0.6],
      },
    },
  ]
}
