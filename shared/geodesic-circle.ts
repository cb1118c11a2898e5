// Geodesic circles on the sphere (R = 6371.0088 km, as great-circle.ts): the reach of a patrol
// base drawn as a polygon whose every vertex lies exactly radiusKm from the centre.
import type { Polygon, Position } from 'geojson'
import { EARTH_RADIUS_KM } from './great-circle.ts'

const RAD = Math.PI / 180

/** The point distanceKm from origin [lng, lat] along the initial bearing bearingDeg (clockwise from north). */
export function destination(origin: Position, bearingDeg: number, distanceKm: number): Position {
  const d = distanceKm / EARTH_RADIUS_KM
  const [lng1, lat1, brg] = [origin[0] * RAD, origin[1] * RAD, bearingDeg * RAD]
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(brg))
  const lng2 = lng1 + Math.atan2(Math.sin(brg) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2))
  return [(((lng2 / RAD + 540) % 360) - 180), lat2 / RAD]
}

/**
 * A geodesic circle of radiusKm around centre as a closed, counter-clockwise GeoJSON Polygon of
 * `steps` vertices (default 64), each found with the great-circle destination formula.
 */
export function geodesicCircle(centre: Position, radiusKm: number, steps = 64): Polygon {
  if (!(radiusKm > 0)) throw new Error(`radiusKm must be positive, got ${radiusKm}`)
  if (!Number.isInteger(steps) || steps < 8) throw new Error(`steps must be an integer of at least 8, got ${steps}`)
  const ring: Position[] = []
  // bearings decreasing from north: west of north first, which runs counter-clockwise (RFC 7946)
  for (let i = 0; i < steps; i++) {
    const [lng, lat] = destination(centre, 360 - (360 * i) / steps, radiusKm)
    ring.push([Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6])
  }
  ring.push([ring[0][0], ring[0][1]])
  return { type: 'Polygon', coordinates: [ring] }
}
