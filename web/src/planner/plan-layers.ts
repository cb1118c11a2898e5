// The planner's map layers, added to the running map: coverage circles under the routes, covered
// cells just over them (route-km demand lies on the routes), site markers and posts on top. The
// current plan is ink and highlighter yellow like the other analysis marks; the previous run is
// violet, hollow, dashed and unnumbered.

import type * as maplibregl from 'maplibre-gl'
import type { FeatureCollection } from 'geojson'
import { FONT_BOLD } from '../map/fonts.ts'
import type { PlanResult } from './plan-api.ts'
import { cellFeatures, circleFeatures, polygonsBbox, postFeatures, siteFeatures } from './plan-features.ts'
import type { Post } from './plan-form.ts'

export const PLAN_CELLS_SOURCE = 'planner-cells'
export const PLAN_CIRCLES_SOURCE = 'planner-circles'
export const PLAN_SITES_SOURCE = 'planner-sites'
export const PLAN_POSTS_SOURCE = 'planner-posts'
/** The site marker layer; browser tests count its features. */
export const PLAN_SITES_LAYER = 'planner-sites-circle'

const INK = '#2B2A27'
const HIGHLIGHT = '#F5E15A'
/** The edge of a covered cell: a darker yellow that still reads at zoom 4. */
const CELL_EDGE = '#D9B700'
/** The previous run: a violet no route uses. */
const PREVIOUS = '#6A3D9A'
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] }

const slot = (value: 'current' | 'previous') => ['==', ['get', 'slot'], value] as ['==', ['get', string], string]

/** Adds the planner's sources and layers once; the map's style must be loaded. */
export function addPlanLayers(map: maplibregl.Map): void {
  if (map.getSource(PLAN_SITES_SOURCE)) return
  for (const id of [PLAN_CELLS_SOURCE, PLAN_CIRCLES_SOURCE, PLAN_SITES_SOURCE, PLAN_POSTS_SOURCE]) map.addSource(id, { type: 'geojson', data: EMPTY })
  // Under the routes: the analysis corridor is the first layer above the basemap.
  const under = map.getLayer('corridor-fill') ? 'corridor-fill' : undefined
  map.addLayer({ id: 'planner-circles-fill', type: 'fill', source: PLAN_CIRCLES_SOURCE, filter: slot('current'), paint: { 'fill-color': INK, 'fill-opacity': 0.05 } }, under)
  map.addLayer({
    id: 'planner-circles-previous', type: 'line', source: PLAN_CIRCLES_SOURCE, filter: slot('previous'),
    paint: { 'line-color': PREVIOUS, 'line-width': 1.6, 'line-dasharray': [3, 2], 'line-opacity': 0.9 },
  }, under)
  map.addLayer({ id: 'planner-circles-line', type: 'line', source: PLAN_CIRCLES_SOURCE, filter: slot('current'), paint: { 'line-color': INK, 'line-width': 1.5, 'line-opacity': 0.85 } }, under)
  // Covered cells over the routes (route-km demand lies on them) and under the place labels.
  const overRoutes = map.getLayer('places-minor') ? 'places-minor' : undefined
  map.addLayer({ id: 'planner-cells-fill', type: 'fill', source: PLAN_CELLS_SOURCE, paint: { 'fill-color': HIGHLIGHT, 'fill-opacity': 0.75 } }, overRoutes)
  map.addLayer({ id: 'planner-cells-line', type: 'line', source: PLAN_CELLS_SOURCE, paint: { 'line-color': CELL_EDGE, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1.5, 8, 0.6] } }, overRoutes)
  // The form's posts under the sites: a result's existing posts are drawn over them, numbered.
  map.addLayer({
    id: 'planner-posts-circle', type: 'circle', source: PLAN_POSTS_SOURCE,
    paint: { 'circle-radius': 6, 'circle-color': '#FFFFFF', 'circle-stroke-color': INK, 'circle-stroke-width': 3 },
  })
  map.addLayer({
    id: PLAN_SITES_LAYER, type: 'circle', source: PLAN_SITES_SOURCE,
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, ['case', ['==', ['get', 'slot'], 'previous'], 5, 8], 8, ['case', ['==', ['get', 'slot'], 'previous'], 7, 11]],
      'circle-color': ['case', ['==', ['get', 'slot'], 'previous'], '#FFFFFF', ['==', ['get', 'kind'], 'existing'], '#FFFFFF', INK],
      'circle-stroke-color': ['case', ['==', ['get', 'slot'], 'previous'], PREVIOUS, ['==', ['get', 'kind'], 'existing'], INK, HIGHLIGHT],
      'circle-stroke-width': ['case', ['==', ['get', 'slot'], 'previous'], 2.5, ['==', ['get', 'kind'], 'existing'], 3, 2],
    },
  })
  map.addLayer({
    id: 'planner-sites-label', type: 'symbol', source: PLAN_SITES_SOURCE, filter: slot('current'),
    layout: {
      'text-field': ['to-string', ['get', 'order']],
      'text-font': [FONT_BOLD],
      'text-size': ['interpolate', ['linear'], ['zoom'], 3, 10, 8, 12],
      'text-allow-overlap': true,
      'text-ignore-placement': true,
    },
    paint: { 'text-color': ['case', ['==', ['get', 'kind'], 'existing'], INK, '#FFFFFF'] },
  })
}

function setData(map: maplibregl.Map, id: string, data: FeatureCollection): void {
  map.getSource<maplibregl.GeoJSONSource>(id)?.setData(data)
}

/** Draws the current plan (cells, circles, sites) and the previous run's circles and sites; null clears. */
export function showPlans(map: maplibregl.Map, current: PlanResult | null, previous: PlanResult | null): [number, number, number, number] | null {
  const circles = [
    ...(previous ? circleFeatures(previous.sites, previous.radius_km, 'previous') : []),
    ...(current ? circleFeatures(current.sites, current.radius_km, 'current') : []),
  ]
  setData(map, PLAN_CELLS_SOURCE, current ? cellFeatures(current.covered_cells) : EMPTY)
  setData(map, PLAN_CIRCLES_SOURCE, { type: 'FeatureCollection', features: circles })
  setData(map, PLAN_SITES_SOURCE, {
    type: 'FeatureCollection',
    features: [...(previous ? siteFeatures(previous.sites, 'previous') : []), ...(current ? siteFeatures(current.sites, 'current') : [])],
  })
  return polygonsBbox(circles)
}

/** Draws the form's existing posts (before they are part of a result). */
export function showPosts(map: maplibregl.Map, posts: readonly Post[]): void {
  setData(map, PLAN_POSTS_SOURCE, postFeatures(posts))
}
