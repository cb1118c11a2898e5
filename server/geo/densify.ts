// Densification before geometry becomes PostGIS `geography`. GeoJSON (and the map, the tiles and
// Turf) read an edge as a straight line in longitude/latitude, so a zone edge along 23.44°N is a
// parallel; `geography` reads the same edge as a great-circle arc, which over 44° of longitude
// bows hundreds of km poleward. Inserting vertices so no edge is longer than DENSIFY_STEP_DEG makes
// the two readings the same shape (within metres), so every area and length PostGIS reports is that
// of the geometry drawn.
//
// The rule is ST_Segmentize's on `geometry`: an edge longer than the step (planar length in
// degrees, √(Δlng² + Δlat²)) is cut into ceil(length / step) equal parts, every input vertex kept.
// Geometry built in SQL (the corridor) uses ST_Segmentize(geom, $n) with the same constant passed
// in, so TypeScript and SQL densify alike.
import type { Geometry, Position } from 'geojson'

/** Longest edge left as it is, degrees (0.1° ≈ 11 km): a great circle and a parallel that long differ by < 2 m at 35°N. */
export const DENSIFY_STEP_DEG = 0.1

/** Floating-point slack, degrees, so that densifying twice changes nothing. */
const SLACK_DEG = 1e-9

/**
 * A path (ring or line) with vertices inserted so no edge exceeds stepDeg degrees; vertices kept.
 * An edge spanning more than 180° of longitude (one crossing the antimeridian) is left as it is:
 * interpolating it would wrap it round the globe.
 */
export function densifyPath(path: readonly Position[], stepDeg: number = DENSIFY_STEP_DEG): Position[] {
  if (!(stepDeg > 0) || !Number.isFinite(stepDeg)) throw new Error(`stepDeg must be a positive number of degrees, got ${stepDeg}`)
  const out: Position[] = []
  for (let i = 0; i < path.length; i++) {
    const p = path[i]
    out.push(p)
    const q = path[i + 1]
    if (!q) break
    const dLng = q[0] - p[0]
    const dLat = q[1] - p[1]
    if (Math.abs(dLng) > 180) continue
    const parts = Math.ceil(Math.hypot(dLng, dLat) / stepDeg - SLACK_DEG)
    for (let k = 1; k < parts; k++) out.push([p[0] + (dLng * k) / parts, p[1] + (dLat * k) / parts])
  }
  return out
}

/**
 * The geometry with every edge of its lines and rings (holes included) at most stepDeg degrees
 * long, the shape unchanged in longitude/latitude; points pass through. Use it on anything about
 * to be cast to `geography` or measured on the spheroid.
 */
export function densifyGeometry<G extends Geometry>(geometry: G, stepDeg: number = DENSIFY_STEP_DEG): G {
  const path = (c: Position[]) => densifyPath(c, stepDeg)
  switch (geometry.type) {
    case 'Point':
    case 'MultiPoint':
      return geometry
    case 'LineString':
      return { ...geometry, coordinates: path(geometry.coordinates) }
    case 'MultiLineString':
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map(path) }
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map((rings) => rings.map(path)) }
    case 'GeometryCollection':
      return { ...geometry, geometries: geometry.geometries.map((g) => densifyGeometry(g, stepDeg)) }
  }
}

/** How many vertices densifyPath would return for path, without building it. */
export function densifiedLength(path: readonly Position[], stepDeg: number = DENSIFY_STEP_DEG): number {
  let n = path.length
  for (let i = 1; i < path.length; i++) {
    const dLng = path[i][0] - path[i - 1][0]
    if (Math.abs(dLng) > 180) continue
    n += Math.max(0, Math.ceil(Math.hypot(dLng, path[i][1] - path[i - 1][1]) / stepDeg - SLACK_DEG) - 1)
  }
  return n
}

/** Longest edge of a geometry's lines and rings, degrees (planar, as densifyPath measures it); 0 for points. */
export function longestEdgeDeg(geometry: Geometry): number {
  let longest = 0
  const walk = (path: Position[]) => {
    for (let i = 1; i < path.length; i++) longest = Math.max(longest, Math.hypot(path[i][0] - path[i - 1][0], path[i][1] - path[i - 1][1]))
  }
  switch (geometry.type) {
    case 'LineString':
      walk(geometry.coordinates)
      break
    case 'MultiLineString':
    case 'Polygon':
      geometry.coordinates.forEach(walk)
      break
    case 'MultiPolygon':
      geometry.coordinates.forEach((rings) => rings.forEach(walk))
      break
    case 'GeometryCollection':
      for (const g of geometry.geometries) longest = Math.max(longest, longestEdgeDeg(g))
      break
  }
  return longest
}
