// What the map sources hold: routes slimmed to the properties the style reads (MapLibre would
// stringify nested arrays anyway; the panel reads the full route from the API's collection),
// and a selected route's waypoints as points.

import type { FeatureCollection, LineString, MultiLineString, Point, Position } from 'geojson'
import type { RouteCollection, RouteFeature } from '../api.ts'
import { splitSegments } from '../../../shared/route-segments.ts'
import { routeColour } from '../../../shared/palette.ts'

/** The properties the route layers' expressions read. */
export interface MapRouteProperties {
  id: string
  name: string
  family: string
  kind: string
  confidence: string
  direction: string
  /** how this piece is known: track, schematic (drawn dashed) or sea */
  leg: string
  /** the route's period, YYYY-MM-DD, '' when open (MapLibre compares strings) */
  valid_from: string
  valid_to: string
  status: string
}

/** One waypoint point: its 1-based position along the route, name, and the route's colour. */
export interface MapWaypointProperties {
  order: number
  name: string
  iso3: string
  colour: string
}

/**
 * The routes source's data: one feature per leg segment (sharing the route's id, so hover and
 * selection light the whole route) with only the styled properties.
 */
export function toMapRoutes(routes: RouteCollection): FeatureCollection<LineString, MapRouteProperties> {
  return {
    type: 'FeatureCollection',
    features: routes.features.flatMap((feature) => {
      const { id, name, family, kind, confidence, direction, segments, valid_from, valid_to, status } = feature.properties
      const shared = { id, name, family, kind, confidence, direction, valid_from: valid_from ?? '', valid_to: valid_to ?? '', status: status ?? 'active' }
      return splitSegments(feature.geometry, segments).map(({ leg, geometry }) => ({ type: 'Feature' as const, id, geometry, properties: { ...shared, leg } }))
    }),
  }
}

/** The waypoints source's data for one route, or no points when no route is selected. */
export function toMapWaypoints(route: RouteFeature | null): FeatureCollection<Point, MapWaypointProperties> {
  if (!route) return { type: 'FeatureCollection', features: [] }
  const colour = routeColour(route.properties.family, route.properties.kind)
  return {
    type: 'FeatureCollection',
    features: route.properties.waypoints.map((waypoint, index) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [waypoint.lng, waypoint.lat] },
      properties: { order: index + 1, name: waypoint.name, iso3: waypoint.iso3, colour },
    })),
  }
}

/** [west, south, east, north] in degrees around a route's line, for `fitBounds`. */
export function routeBounds(route: RouteFeature): [number, number, number, number] {
  if (route.geometry.coordinates.length === 0) throw new Error(`route ${route.properties.id} has an empty geometry`)
  return positionsBounds(route.geometry.coordinates)
}

/** [west, south, east, north] in degrees around lines (a border's parts), for `fitBounds`. */
export function linesBounds(lines: readonly (LineString | MultiLineString)[]): [number, number, number, number] {
  const positions = lines.flatMap((line) => (line.type === 'LineString' ? line.coordinates : line.coordinates.flat()))
  if (positions.length === 0) throw new Error('linesBounds needs at least one position')
  return positionsBounds(positions)
}

function positionsBounds(coordinates: readonly Position[]): [number, number, number, number] {
  let [west, south] = coordinates[0]
  let [east, north] = coordinates[0]
  for (const [lng, lat] of coordinates) {
    west = Math.min(west, lng)
    east = Math.max(east, lng)
    south = Math.min(south, lat)
    north = Math.max(north, lat)
  }
  return [west, south, east, north]
}
