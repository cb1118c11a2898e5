// A graticule for the sea: meridians and parallels every `stepDeg` degrees. In Web Mercator both
// are straight lines, so each needs only its two end points.

import type { FeatureCollection, LineString } from 'geojson'

/** Meridians and parallels every `stepDeg` degrees over [west, south, east, north] (degrees). */
export function graticule(
  bbox: readonly [number, number, number, number],
  stepDeg: number,
): FeatureCollection<LineString, { kind: 'meridian' | 'parallel'; valueDeg: number }> {
  if (!(stepDeg > 0)) throw new Error(`stepDeg must be positive, got ${stepDeg}`)
  const [west, south, east, north] = bbox
  if (west >= east || south >= north) throw new Error(`bbox must be [west, south, east, north], got [${bbox.join(', ')}]`)
  const features: FeatureCollection<LineString, { kind: 'meridian' | 'parallel'; valueDeg: number }>['features'] = []
  for (let lng = Math.ceil(west / stepDeg) * stepDeg; lng <= east; lng += stepDeg) {
    features.push({
      type: 'Feature',
      properties: { kind: 'meridian', valueDeg: lng },
      geometry: { type: 'LineString', coordinates: [[lng, south], [lng, north]] },
    })
  }
  for (let lat = Math.ceil(south / stepDeg) * stepDeg; lat <= north; lat += stepDeg) {
    features.push({
      type: 'Feature',
      properties: { kind: 'parallel', valueDeg: lat },
      geometry: { type: 'LineString', coordinates: [[west, lat], [east, lat]] },
    })
  }
  return { type: 'FeatureCollection', features }
}
