// How routes are drawn: a light casing (dark when hovered or selected), the coloured line
// (dashed when confidence is low), direction chevrons for one-way routes, an invisible wide
// line that makes thin routes easy to hover and click, and the selected route's waypoints.

import type { ExpressionSpecification, FilterSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl'
import { FONT_BOLD } from './fonts.ts'
import { ROUTE_ARROW_IMAGE } from './map-images.ts'
import { BASEMAP_COLOURS as C, routeColourExpression } from '../../../shared/palette.ts'
import { MAX_FLOW_EXTRA_PX } from '../../../shared/route-flows.ts'

export const ROUTES_SOURCE = 'routes'
export const WAYPOINTS_SOURCE = 'waypoints'

/** Route layer ids, bottom to top; every one of them takes the legend's group filter. */
export const ROUTE_LAYER_IDS = ['routes-casing', 'routes-line', 'routes-arrows', 'routes-hit'] as const
/** The layer that mouse hover and click are bound to. */
export const ROUTE_HIT_LAYER = 'routes-hit'
/** Waypoint layer ids, drawn above everything else. */
export const WAYPOINT_LAYER_IDS = ['waypoints-circle', 'waypoints-label'] as const

/** Line width in CSS px at zoom 5, by confidence: a surer course is drawn bolder. */
export const WIDTH_BY_CONFIDENCE_PX = { high: 3.6, medium: 2.6, low: 2.4 } as const
/** Dash pattern, in line widths, by confidence: only low confidence is dashed. */
export const DASH_BY_CONFIDENCE = { high: [1, 0], medium: [1, 0], low: [2, 1.6] } as const
/** Dash of a schematic leg (off-road or unknown course), whatever the confidence: never solid. */
export const SCHEMATIC_DASH = [3, 2] as const

const isActive: ExpressionSpecification = [
  'any',
  ['boolean', ['feature-state', 'hover'], false],
  ['boolean', ['feature-state', 'selected'], false],
]


/** Route width at zoom 5 plus `extraPx`, scaled with zoom (x0.8 at z3, x1.6 at z9); wider by its flow share (feature-state `flowShare`, 0..1). */
function widthExpression(extraPx: number, activeExtraPx: number): ExpressionSpecification {
  const base: ExpressionSpecification = [
    '+',
    ['match', ['get', 'confidence'], 'high', WIDTH_BY_CONFIDENCE_PX.high, 'medium', WIDTH_BY_CONFIDENCE_PX.medium, WIDTH_BY_CONFIDENCE_PX.low],
    ['case', isActive, activeExtraPx, 0],
    ['*', MAX_FLOW_EXTRA_PX, ['coalesce', ['feature-state', 'flowShare'], 0]],
    extraPx,
  ]
  return ['interpolate', ['linear'], ['zoom'], 3, ['*', 0.8, base], 5, base, 9, ['*', 1.6, base]]
}

/** The empty GeoJSON sources routes and waypoints are later written into with `setData`. */
export function routeSources(): Record<string, SourceSpecification> {
  const empty = { type: 'FeatureCollection' as const, features: [] }
  return {
    [ROUTES_SOURCE]: { type: 'geojson', data: empty, promoteId: 'id' },
    [WAYPOINTS_SOURCE]: { type: 'geojson', data: empty },
  }
}

/** Route layers, showing the routes `groupFilter` keeps (see `routeGroupFilter`). */
export function routeLayers(groupFilter: ExpressionSpecification): LayerSpecification[] {
  const colour = routeColourExpression()
  const layers: LayerSpecification[] = [
    {
      id: 'routes-casing',
      type: 'line',
      source: ROUTES_SOURCE,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#111111', ['boolean', ['feature-state', 'hover'], false], '#3A3A3A', C.halo],
        'line-opacity': ['case', isActive, 0.95, 0.85],
        'line-width': widthExpression(2.4, 1.6),
      },
    },
    {
      id: 'routes-line',
      type: 'line',
      source: ROUTES_SOURCE,
      layout: { 'line-join': 'round', 'line-cap': 'butt' },
      paint: {
        'line-color': colour,
        'line-width': widthExpression(0, 1.6),
        'line-dasharray': [
          'case',
          ['==', ['get', 'leg'], 'schematic'], ['literal', SCHEMATIC_DASH],
          ['match', ['get', 'confidence'], 'low', ['literal', DASH_BY_CONFIDENCE.low], ['literal', DASH_BY_CONFIDENCE.high]],
        ],
      },
    },
    {
      id: 'routes-arrows',
      type: 'symbol',
      source: ROUTES_SOURCE,
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 110,
        'icon-image': ROUTE_ARROW_IMAGE,
        'icon-size': ['interpolate', ['linear'], ['zoom'], 3, 0.75, 8, 1.1],
        'icon-rotation-alignment': 'map',
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
      paint: {
        'icon-color': colour,
        'icon-halo-color': C.halo,
        'icon-halo-width': 1.2,
      },
    },
    {
      id: 'routes-hit',
      type: 'line',
      source: ROUTES_SOURCE,
      paint: { 'line-color': '#000000', 'line-opacity': 0, 'line-width': 14 },
    },
  ]
  return layers.map((layer) => ({ ...layer, filter: routeLayerFilter(layer.id, groupFilter) }) as LayerSpecification)
}

/** The filter of one route layer: the group filter, narrowed to one-way routes for arrows. */
export function routeLayerFilter(layerId: string, groupFilter: ExpressionSpecification): FilterSpecification {
  return layerId === 'routes-arrows' ? ['all', groupFilter, ['==', ['get', 'direction'], 'forward']] : groupFilter
}

/** The waypoint layers: white discs ringed in the route's colour, numbered as in the panel. */
export function waypointLayers(): LayerSpecification[] {
  return [
    {
      id: 'waypoints-circle',
      type: 'circle',
      source: WAYPOINTS_SOURCE,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, 6.5, 8, 8],
        'circle-color': '#FFFFFF',
        'circle-stroke-color': ['get', 'colour'],
        'circle-stroke-width': 2.2,
      },
    },
    {
      id: 'waypoints-label',
      type: 'symbol',
      source: WAYPOINTS_SOURCE,
      layout: {
        'text-field': ['to-string', ['get', 'order']],
        'text-font': [FONT_BOLD],
        'text-size': ['interpolate', ['linear'], ['zoom'], 3, 9, 8, 11],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#111111' },
    },
  ]
}
