// How analysis results are drawn: the corridor and a highlighted border under the routes;
// numbered border-crossing markers and the draw tool's sketch above everything else. Drawn
// lines, borders and markers share one highlighter yellow, so analysis marks read as one family.

import type { LayerSpecification, SourceSpecification } from 'maplibre-gl'
import { FONT_BOLD } from './fonts.ts'

export const CORRIDOR_SOURCE = 'analysis-corridor'
export const BORDER_HIGHLIGHT_SOURCE = 'border-highlight'
export const CROSSINGS_SOURCE = 'crossings'
export const SKETCH_SOURCE = 'sketch'

/** The crossing markers' layers; browser tests query the circle layer. */
export const CROSSING_LAYER_IDS = ['crossings-circle', 'crossings-label'] as const

const INK = '#2B2A27'
/** The analysis accent: a lemon highlighter yellow, lighter than the orange of western routes. */
const HIGHLIGHT = '#F5E15A'
const CORRIDOR_COLOUR = '#35627F'

/** The empty GeoJSON sources analysis results are written into with `setData`. */
export function analysisSources(): Record<string, SourceSpecification> {
  const empty = { type: 'FeatureCollection' as const, features: [] }
  return Object.fromEntries([CORRIDOR_SOURCE, BORDER_HIGHLIGHT_SOURCE, CROSSINGS_SOURCE, SKETCH_SOURCE].map((id) => [id, { type: 'geojson', data: empty }]))
}

/** Corridor (fill and dashed outline) and the chosen border (a soft glow under a dark line). */
export function analysisLowerLayers(): LayerSpecification[] {
  return [
    { id: 'corridor-fill', type: 'fill', source: CORRIDOR_SOURCE, paint: { 'fill-color': CORRIDOR_COLOUR, 'fill-opacity': 0.12 } },
    {
      id: 'corridor-outline',
      type: 'line',
      source: CORRIDOR_SOURCE,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': CORRIDOR_COLOUR, 'line-opacity': 0.8, 'line-width': 1.2, 'line-dasharray': [3, 2] },
    },
    {
      id: 'border-highlight-glow',
      type: 'line',
      source: BORDER_HIGHLIGHT_SOURCE,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': HIGHLIGHT, 'line-opacity': 0.9, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 8, 8, 16] },
    },
    {
      id: 'border-highlight-line',
      type: 'line',
      source: BORDER_HIGHLIGHT_SOURCE,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#6B4A12', 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 1.6, 8, 2.6] },
    },
  ]
}

/** The draw tool's sketch, then the crossing markers: dark discs numbered as in the panel. */
export function analysisUpperLayers(): LayerSpecification[] {
  const role = (value: string) => ['==', ['get', 'role'], value] as ['==', ['get', string], string]
  return [
    {
      id: 'sketch-casing',
      type: 'line',
      source: SKETCH_SOURCE,
      filter: role('line'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': HIGHLIGHT, 'line-opacity': 0.75, 'line-width': 9 },
    },
    {
      id: 'sketch-line',
      type: 'line',
      source: SKETCH_SOURCE,
      filter: role('line'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': INK, 'line-width': 2.5 },
    },
    {
      id: 'sketch-rubber',
      type: 'line',
      source: SKETCH_SOURCE,
      filter: role('rubber'),
      paint: { 'line-color': INK, 'line-width': 2, 'line-dasharray': [2, 2], 'line-opacity': 0.8 },
    },
    {
      id: 'sketch-vertex',
      type: 'circle',
      source: SKETCH_SOURCE,
      filter: role('vertex'),
      paint: { 'circle-radius': 4.5, 'circle-color': '#FFFFFF', 'circle-stroke-color': INK, 'circle-stroke-width': 2 },
    },
    {
      id: 'crossings-circle',
      type: 'circle',
      source: CROSSINGS_SOURCE,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, 8, 8, 10],
        'circle-color': INK,
        'circle-stroke-color': HIGHLIGHT,
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'crossings-label',
      type: 'symbol',
      source: CROSSINGS_SOURCE,
      layout: {
        'text-field': ['to-string', ['get', 'order']],
        'text-font': [FONT_BOLD],
        'text-size': ['interpolate', ['linear'], ['zoom'], 3, 10, 8, 12],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#FFFFFF' },
    },
  ]
}
