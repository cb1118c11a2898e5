// Great-circle geometry on a spherical Earth (R = 6371.0088 km, the IUGG mean radius Turf uses).
// Long Saharan and sea legs are drawn along the great circle, so a 1,000 km leg bows the way a
// geodesic does instead of following a straight line in Web Mercator.
import type { Position } from 'geojson'

export const EARTH_RADIUS_KM = 6371.0088

const RAD = Math.PI / 180

/** Great-circle distance in km between two [lng, lat] positions (haversine). */
export function distanceKm(a: Position, b: Position): number {
  const dLat = (b[1] - a[1]) * RAD
  const dLng = (b[0] - a[0]) * RAD
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** The point a fraction `t` (0..1) of the way from a to b along the great circle, [lng, lat]. */
export function interpolate(a: Position, b: Position, t: number): Position {
  const [lng1, lat1, lng2, lat2] = [a[0] * RAD, a[1] * RAD, b[0] * RAD, b[1] * RAD]
  const d = distanceKm(a, b) / EARTH_RADIUS_KM
  if (d === 0) return [a[0], a[1]]
  const k1 = Math.sin((1 - t) * d) / Math.sin(d)
  const k2 = Math.sin(t * d) / Math.sin(d)
  const x = k1 * Math.cos(lat1) * Math.cos(lng1) + k2 * Math.cos(lat2) * Math.cos(lng2)
  const y = k1 * Math.cos(lat1) * Math.sin(lng1) + k2 * Math.cos(lat2) * Math.sin(lng2)
  const z = k1 * Math.sin(lat1) + k2 * Math.sin(lat2)
  return [Math.atan2(y, x) / RAD, Math.atan2(z, Math.hypot(x, y)) / RAD]
}

/**
 * Densifies a polyline along great circles so no segment exceeds `stepKm` (default 25 km).
 * Every input vertex is kept exactly; each leg is split into equal parts.
 */
export function densifyGreatCircle(vertices: readonly Position[], stepKm = 25): Position[] {
  if (!(stepKm > 0)) throw new Error(`stepKm must be positive, got ${stepKm}`)
  if (vertices.length === 0) return []
  const out: Position[] = [[vertices[0][0], vertices[0][1]]]
  for (let i = 1; i < vertices.length; i++) {
    const [a, b] = [vertices[i - 1], vertices[i]]
    const parts = Math.max(1, Math.ceil(distanceKm(a, b) / stepKm))
    for (let k = 1; k < parts; k++) out.push(interpolate(a, b, k / parts))
    out.push([b[0], b[1]])
  }
  return out
}

/** Length in km of a polyline measured along great circles. */
export function polylineKm(vertices: readonly Position[]): number {
  let km = 0
  for (let i = 1; i < vertices.length; i++) km += distanceKm(vertices[i - 1], vertices[i])
  return km
}
