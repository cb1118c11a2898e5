// One label point per country: the pole of inaccessibility of its largest polygon, so islands
// and tile edges never repeat a name (as a symbol layer on the tiled polygons would).
// Planar in degrees, which is close enough for placing a label inside a shape.

import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson'

type Ring = Position[]

/** Signed distance (degrees) from (x, y) to the polygon's outline: positive inside. */
function signedDistance(x: number, y: number, rings: Ring[]): number {
  let inside = false
  let minSq = Infinity
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[i]
      const [bx, by] = ring[j]
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside
      const dx = bx - ax
      const dy = by - ay
      const lengthSq = dx * dx + dy * dy
      const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / lengthSq))
      const ex = ax + t * dx - x
      const ey = ay + t * dy - y
      minSq = Math.min(minSq, ex * ex + ey * ey)
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(minSq)
}

/**
 * The point inside a polygon farthest from its outline, to within `precisionDeg` degrees
 * (after mapbox/polylabel: quad-tree search over cells, best potential first).
 */
export function poleOfInaccessibility(rings: Ring[], precisionDeg = 0.05): [number, number] {
  if (rings.length === 0 || rings[0].length < 4) throw new Error(`a polygon needs a ring of at least 4 positions, got ${rings[0]?.length ?? 0}`)
  let [minX, minY] = rings[0][0]
  let [maxX, maxY] = rings[0][0]
  for (const [x, y] of rings[0]) {
    minX = Math.min(minX, x); minY = Math.min(minY, y)
    maxX = Math.max(maxX, x); maxY = Math.max(maxY, y)
  }
  const cell = (x: number, y: number, h: number) => {
    const d = signedDistance(x, y, rings)
    return { x, y, h, d, max: d + h * Math.SQRT2 }
  }
  const size = Math.max(maxX - minX, maxY - minY)
  let best = cell((minX + maxX) / 2, (minY + maxY) / 2, 0)
  if (size === 0) return [best.x, best.y]
  const queue: ReturnType<typeof cell>[] = []
  for (let x = minX; x < maxX; x += size) for (let y = minY; y < maxY; y += size) queue.push(cell(x + size / 2, y + size / 2, size / 2))
  while (queue.length > 0) {
    // The queue stays small (hundreds of cells for a country), so a linear pick is simplest.
    let top = 0
    for (let i = 1; i < queue.length; i++) if (queue[i].max > queue[top].max) top = i
    const current = queue.splice(top, 1)[0]
    if (current.d > best.d) best = current
    if (current.max - best.d <= precisionDeg) continue
    const h = current.h / 2
    queue.push(cell(current.x - h, current.y - h, h), cell(current.x + h, current.y - h, h), cell(current.x - h, current.y + h, h), cell(current.x + h, current.y + h, h))
  }
  return [best.x, best.y]
}

/** Planar area of a polygon's outer ring, in square degrees. */
function ringAreaDeg2(ring: Ring): number {
  let sum = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1])
  return Math.abs(sum) / 2
}

/** One point per country, inside its largest polygon, carrying the country's properties. */
export function countryLabelPoints<P>(countries: FeatureCollection<Polygon | MultiPolygon, P>): FeatureCollection<Point, P> {
  const features: Feature<Point, P>[] = []
  for (const country of countries.features) {
    const polygons = country.geometry.type === 'Polygon' ? [country.geometry.coordinates] : country.geometry.coordinates
    const largest = polygons.filter((p) => p.length > 0 && p[0].length >= 4).sort((a, b) => ringAreaDeg2(b[0]) - ringAreaDeg2(a[0]))[0]
    if (!largest) continue
    features.push({ type: 'Feature', id: country.id, properties: country.properties, geometry: { type: 'Point', coordinates: poleOfInaccessibility(largest) } })
  }
  return { type: 'FeatureCollection', features }
}
