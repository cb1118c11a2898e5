// Numbered border-crossing markers: for one analysed line, one marker per crossing in travel
// order; for a border, one marker per distinct crossing point, shared by the routes using it.

import type { FeatureCollection, Point } from 'geojson'
import type { BorderCrossing, BorderRoute } from '../api.ts'

/** One marker: its number (as in the panel's list), the nearest place, and how many routes cross there. */
export interface CrossingMarkerProperties {
  order: number
  place: string
  routes: number
}

export type CrossingMarkers = FeatureCollection<Point, CrossingMarkerProperties>

/** Crossings closer than this, in degrees (~1 km), are drawn as one marker on a border. */
export const SAME_CROSSING_DEG = 0.01

/** One marker per crossing of an analysed line, numbered 1.. in travel order. */
export function routeCrossingMarkers(crossings: readonly BorderCrossing[]): CrossingMarkers {
  return {
    type: 'FeatureCollection',
    features: crossings.map((crossing, index) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [crossing.lng, crossing.lat] },
      properties: { order: index + 1, place: crossing.nearest_place?.name ?? '', routes: 1 },
    })),
  }
}

/**
 * The markers of a border's crossings, numbered 1.. in order of first appearance in `routes`,
 * and `orders[r][c]`: the marker number of crossing c of route r, for the panel's list.
 */
export function borderCrossingMarkers(routes: readonly BorderRoute[], sameDeg = SAME_CROSSING_DEG): { markers: CrossingMarkers; orders: number[][] } {
  const features: CrossingMarkers['features'] = []
  const orders = routes.map((route) =>
    route.crossings.map((crossing) => {
      const existing = features.find((feature) => {
        const [lng, lat] = feature.geometry.coordinates
        return Math.abs(lng - crossing.lng) < sameDeg && Math.abs(lat - crossing.lat) < sameDeg
      })
      if (existing) {
        existing.properties.routes++
        return existing.properties.order
      }
      const order = features.length + 1
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [crossing.lng, crossing.lat] },
        properties: { order, place: crossing.nearest_place?.name ?? '', routes: 1 },
      })
      return order
    }),
  )
  return { markers: { type: 'FeatureCollection', features }, orders }
}
