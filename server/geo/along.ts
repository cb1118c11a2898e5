// Positions along a route: how far along it (km from its start) a point lies, and how far off.
// A MultiLineString counts as its parts laid end to end, in order.
import { length, lineString, nearestPointOnLine, point } from '@turf/turf'
import type { Position } from 'geojson'

export interface AlongPosition {
  /** km from the start of the route to the nearest point on it (spherical, Turf) */
  alongKm: number
  /** km from the point to that nearest point */
  distanceKm: number
  /** the nearest point on the route, [lng, lat] */
  nearest: Position
}

/** Geodesic (spherical) length of each part in km. */
export function partLengthsKm(parts: readonly Position[][]): number[] {
  return parts.map((part) => length(lineString(part), { units: 'kilometers' }))
}

/** Locates a point on a route made of parts, with km measured along the whole route. */
export function locateAlong(parts: readonly Position[][], at: Position, lengthsKm = partLengthsKm(parts)): AlongPosition {
  let best: AlongPosition | null = null
  let offsetKm = 0
  for (const [i, part] of parts.entries()) {
    const hit = nearestPointOnLine(lineString(part), point(at), { units: 'kilometers' })
    const candidate = { alongKm: offsetKm + hit.properties.location, distanceKm: hit.properties.dist, nearest: hit.geometry.coordinates }
    if (best === null || candidate.distanceKm < best.distanceKm) best = candidate
    offsetKm += lengthsKm[i]
  }
  return best!
}

/** Planar margin in degrees that is at least radiusKm everywhere up to |lat| = maxAbsLat (for index pre-filters). */
export function degreeMargin(radiusKm: number, maxAbsLat: number): number {
  const lat = Math.min(Math.abs(maxAbsLat), 85)
  // one degree of longitude shrinks with cos(lat); 110.574 km is the shortest degree of latitude
  return (radiusKm / (110.574 * Math.cos((lat * Math.PI) / 180))) * 1.01
}
