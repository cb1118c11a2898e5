// Positions along a route: how far along it (km from its start) a point lies, and how far off.
// A MultiLineString counts as its parts laid end to end, in order. Distances are great-circle
// km on Turf's sphere; the foot of the perpendicular is found in a local equirectangular frame
// per segment, which for segments of tens of km errs by metres, and is ~30x faster than
// Turf's nearestPointOnLine (this runs for every place along every analysed route).
import type { Position } from 'geojson'
import { distanceKm, polylineKm } from './great-circle.ts'

export interface AlongPosition {
  /** km from the start of the route to the nearest point on it */
  alongKm: number
  /** km from the point to that nearest point */
  distanceKm: number
  /** the nearest point on the route, [lng, lat] */
  nearest: Position
}

/** Great-circle length of each part in km. */
export function partLengthsKm(parts: readonly Position[][]): number[] {
  return parts.map((part) => polylineKm(part))
}

/** Locates a point on a route made of parts, with km measured along the whole route. */
export function locateAlong(parts: readonly Position[][], at: Position, lengthsKm = partLengthsKm(parts)): AlongPosition {
  const kx = Math.cos((at[1] * Math.PI) / 180)
  let best = { d2: Infinity, part: 0, seg: 0, t: 0 }
  for (const [p, part] of parts.entries()) {
    for (let i = 1; i < part.length; i++) {
      // local frame in degrees of latitude, longitude scaled by cos(lat) at the point
      const ax = (part[i - 1][0] - at[0]) * kx
      const ay = part[i - 1][1] - at[1]
      const bx = (part[i][0] - at[0]) * kx
      const by = part[i][1] - at[1]
      const dx = bx - ax
      const dy = by - ay
      const len2 = dx * dx + dy * dy
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2))
      const fx = ax + t * dx
      const fy = ay + t * dy
      const d2 = fx * fx + fy * fy
      if (d2 < best.d2) best = { d2, part: p, seg: i, t }
    }
  }
  const part = parts[best.part]
  const [a, b] = [part[best.seg - 1], part[best.seg]]
  const nearest: Position = [a[0] + best.t * (b[0] - a[0]), a[1] + best.t * (b[1] - a[1])]
  let alongKm = lengthsKm.slice(0, best.part).reduce((s, l) => s + l, 0)
  for (let i = 1; i < best.seg; i++) alongKm += distanceKm(part[i - 1], part[i])
  alongKm += distanceKm(a, nearest)
  return { alongKm, distanceKm: distanceKm(at, nearest), nearest }
}

/** Planar margin in degrees that is at least radiusKm everywhere up to |lat| = maxAbsLat (for index pre-filters). */
export function degreeMargin(radiusKm: number, maxAbsLat: number): number {
  const lat = Math.min(Math.abs(maxAbsLat), 85)
  // one degree of longitude shrinks with cos(lat); 110.574 km is the shortest degree of latitude
  return (radiusKm / (110.574 * Math.cos((lat * Math.PI) / 180))) * 1.01
}
