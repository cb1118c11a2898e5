// Web Mercator for the static maps, fitted to the map state's view, and geometry prepared for
// d3-geo: d3 reads polygons on the sphere and wants outer rings clockwise, the opposite of
// RFC 7946, so every polygon is rewound before it is drawn.
import { geoMercator, type GeoProjection } from 'd3-geo'
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson'
import type { Bbox } from '../../../shared/bbox.ts'
import { densifyPath } from '../densify.ts'
import type { MapState } from '../../../shared/map-state.ts'

/** A rectangle in SVG px. */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** MapLibre's tile size: zoom z shows the world 512·2^z px wide. */
const TILE_PX = 512

/** Web Mercator fitted to the view in the rect: a bbox is shown whole and centred; a centre+zoom keeps its scale. */
export function fitProjection(view: MapState['view'], rect: Rect): GeoProjection {
  const p = geoMercator().precision(0.2)
  if ('bbox' in view) {
    const [w, s, e, n] = view.bbox
    // corners as points: a polygon's edges would be great circles, not parallels
    p.fitExtent([[rect.x, rect.y], [rect.x + rect.width, rect.y + rect.height]], { type: 'MultiPoint', coordinates: [[w, s], [w, n], [e, s], [e, n]] })
  } else {
    p.scale((TILE_PX * 2 ** view.zoom) / (2 * Math.PI))
      .center(view.center as [number, number])
      .translate([rect.x + rect.width / 2, rect.y + rect.height / 2])
  }
  return p.clipExtent([[rect.x, rect.y], [rect.x + rect.width, rect.y + rect.height]])
}

/** [west, south, east, north] in degrees of what the rect shows, clamped to the Mercator range. */
export function visibleBbox(projection: GeoProjection, rect: Rect): Bbox {
  const [w, n] = projection.invert!([rect.x, rect.y])!
  const [e, s] = projection.invert!([rect.x + rect.width, rect.y + rect.height])!
  const r = (x: number) => Math.round(x * 1e6) / 1e6
  return [r(Math.max(-180, w)), r(Math.max(-85.05, s)), r(Math.min(180, e)), r(Math.min(85.05, n))]
}

/** What a view shows in a viewport of widthPx × heightPx (exports of a centre+zoom view). */
export function viewBbox(view: MapState['view'], widthPx: number, heightPx: number): Bbox {
  if ('bbox' in view) return view.bbox
  const rect = { x: 0, y: 0, width: widthPx, height: heightPx }
  return visibleBbox(fitProjection(view, rect), rect)
}

/** Twice the signed planar area of a ring (lng as x, lat as y): positive when counter-clockwise. */
function ringArea2(ring: Position[]): number {
  let sum = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1])
  return sum
}

const orient = (ring: Position[], clockwise: boolean) => ((ringArea2(ring) < 0) === clockwise ? ring : [...ring].reverse())

/** Longest edge kept as is, degrees: d3-geo draws an edge as a great-circle arc, GeoJSON means a straight lng/lat line. */
const MAX_EDGE_DEG = 0.5

/** A ring with its long edges split into steps of at most MAX_EDGE_DEG (densify.ts), so parallels stay straight in Mercator. */
export function densifyRing(ring: Position[]): Position[] {
  return densifyPath(ring, MAX_EDGE_DEG)
}

function rewindPolygon(rings: Position[][]): Position[][] {
  return rings.map((ring, i) => orient(densifyRing(ring), i === 0))
}

/** A polygon geometry with long edges densified, outer rings clockwise and holes counter-clockwise, as d3-geo wants. */
export function rewindForD3<G extends Geometry>(g: G): G {
  if (g.type === 'Polygon') return { ...g, coordinates: rewindPolygon((g as Polygon).coordinates) }
  if (g.type === 'MultiPolygon') return { ...g, coordinates: (g as MultiPolygon).coordinates.map(rewindPolygon) }
  return g
}
