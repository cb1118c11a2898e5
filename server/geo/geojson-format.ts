// Stable GeoJSON text for committed and built files: coordinates rounded to a fixed number of
// decimals (5 decimals of a degree is about 1.1 m at the equator), keys in insertion order, so
// the same input always gives the same bytes.
import type { FeatureCollection, Geometry, Position } from 'geojson'

/** Rounds one number to `decimals` places, never returning -0. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals
  const rounded = Math.round(value * factor) / factor
  return rounded === 0 ? 0 : rounded
}

function roundPositions(coords: unknown, decimals: number): unknown {
  if (typeof coords === 'number') return roundTo(coords, decimals)
  return (coords as unknown[]).map((c) => roundPositions(c, decimals))
}

/** Returns a copy of a geometry with every coordinate rounded to `decimals` degrees places. */
export function roundGeometry<G extends Geometry>(geometry: G, decimals = 5): G {
  if (geometry.type === 'GeometryCollection') {
    return { ...geometry, geometries: geometry.geometries.map((g) => roundGeometry(g, decimals)) }
  }
  return { ...geometry, coordinates: roundPositions(geometry.coordinates, decimals) as Position[] } as G
}

/** Serialises a FeatureCollection with rounded coordinates, one feature per line, trailing newline. */
export function formatFeatureCollection(fc: FeatureCollection, decimals = 5): string {
  const lines = fc.features.map((f) =>
    JSON.stringify({ ...f, geometry: f.geometry === null ? null : roundGeometry(f.geometry, decimals) }),
  )
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`
}
