// What a plan draws: site markers, their geodesic coverage circles (64 vertices, each found by
// the great-circle destination formula on the service's sphere, R = 6371.0088 km) and the
// covered H3 cells. Two plans can be drawn at once, told apart by `slot`.

import type { Feature, FeatureCollection, Point, Polygon, Position } from 'geojson'
import { cellToBoundary } from 'h3-js'
import { geodesicCircle } from '../../../shared/geodesic-circle.ts'
import type { PlanSite } from './plan-api.ts'
import type { Post } from './plan-form.ts'

/** `current` is the last run (or the opened plan), `previous` the run before it. */
export type PlanSlot = 'current' | 'previous'

/** Vertices of a coverage circle, as in the service's exports. */
export const CIRCLE_VERTICES = 64

/** Sites as points: `order` (1-based, existing posts first) and `kind` for the markers. */
export function siteFeatures(sites: readonly PlanSite[], slot: PlanSlot): Feature<Point>[] {
  return sites.map((s) => ({
    type: 'Feature',
    properties: { slot, order: s.order, kind: s.kind },
    geometry: { type: 'Point', coordinates: [s.lng, s.lat] },
  }))
}

/** Each site's coverage: a geodesic circle of `radiusKm` around it. */
export function circleFeatures(sites: readonly PlanSite[], radiusKm: number, slot: PlanSlot): Feature<Polygon>[] {
  return sites.map((s) => ({
    type: 'Feature',
    properties: { slot, order: s.order, kind: s.kind },
    geometry: geodesicCircle([s.lng, s.lat], radiusKm, CIRCLE_VERTICES),
  }))
}

/** H3 cells as closed [lng, lat] polygons (h3-js boundaries, GeoJSON order). */
export function cellFeatures(cells: readonly string[]): FeatureCollection<Polygon> {
  return {
    type: 'FeatureCollection',
    features: cells.map((h3) => {
      const ring = cellToBoundary(h3, true)
      return { type: 'Feature', properties: { h3 }, geometry: { type: 'Polygon', coordinates: [ring] } }
    }),
  }
}

/** The planner's existing posts, before a run, as points numbered in the form's order. */
export function postFeatures(posts: readonly Post[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: posts.map((p, i) => ({ type: 'Feature', properties: { n: i + 1 }, geometry: { type: 'Point', coordinates: [p.lng, p.lat] } })),
  }
}

/** [west, south, east, north] around every polygon, or null when there are none. */
export function polygonsBbox(features: readonly Feature<Polygon>[]): [number, number, number, number] | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const f of features) {
    for (const [lng, lat] of f.geometry.coordinates[0] as Position[]) {
      w = Math.min(w, lng)
      s = Math.min(s, lat)
      e = Math.max(e, lng)
      n = Math.max(n, lat)
    }
  }
  return Number.isFinite(w) ? [w, s, e, n] : null
}
