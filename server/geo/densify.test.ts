import { area, length } from '@turf/turf'
import type { LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon, Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import { DENSIFY_STEP_DEG, densifyGeometry, densifyPath, longestEdgeDeg } from './densify.ts'

// The operational zone's window: 15°N to the Tropic of Cancer over 44.5° of longitude.
const BAND: Polygon = { type: 'Polygon', coordinates: [[[-17.5, 15], [27, 15], [27, 23.44], [-17.5, 23.44], [-17.5, 15]]] }

/** Whether p lies on the segment a–b (collinear and between), to 1e-9°. */
function onSegment(p: Position, a: Position, b: Position): boolean {
  const cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
  const within = Math.min(a[0], b[0]) - 1e-9 <= p[0] && p[0] <= Math.max(a[0], b[0]) + 1e-9 && Math.min(a[1], b[1]) - 1e-9 <= p[1] && p[1] <= Math.max(a[1], b[1]) + 1e-9
  return Math.abs(cross) < 1e-9 && within
}

describe('densifyPath', () => {
  it('cuts a 1° edge along a parallel into ten equal 0.1° edges', () => {
    const out = densifyPath([[10, 20], [11, 20]])
    expect(out).toHaveLength(11)
    expect(out[3][0]).toBeCloseTo(10.3, 12)
    expect(out.every((p) => p[1] === 20)).toBe(true)
  })

  it('keeps every input vertex, in order', () => {
    const path: Position[] = [[0, 0], [0.05, 0], [2, 1.5], [2, 1.5], [-1, 3]]
    const out = densifyPath(path)
    let at = 0
    for (const p of path) {
      at = out.findIndex((q, i) => i >= at && q[0] === p[0] && q[1] === p[1])
      expect(at).toBeGreaterThanOrEqual(0)
    }
  })

  it('puts every new vertex on the edge it splits, none longer than the step', () => {
    const path: Position[] = [[-5, 12], [7.3, 19.9], [7.3, 11]]
    const out = densifyPath(path)
    expect(longestEdgeDeg({ type: 'LineString', coordinates: out })).toBeLessThanOrEqual(DENSIFY_STEP_DEG + 1e-12)
    const firstLeg = out.slice(0, out.findIndex((p) => p[0] === 7.3 && p[1] === 19.9) + 1)
    expect(firstLeg.every((p) => onSegment(p, path[0], path[1]))).toBe(true)
    // √(12.3² + 7.9²) = 14.618… degrees → 147 parts; 8.9° → 89 parts
    expect(out).toHaveLength(1 + 147 + 89)
  })

  it('leaves short edges alone and changes nothing when run twice', () => {
    const short: Position[] = [[1, 1], [1.05, 1.05], [1.1, 1]]
    expect(densifyPath(short)).toEqual(short)
    const once = densifyPath([[0, 0], [0.3, 0], [0.3, 0.7]])
    expect(densifyPath(once)).toEqual(once)
  })

  it('takes any step in degrees', () => {
    expect(densifyPath([[0, 0], [0, 2]], 0.5)).toEqual([[0, 0], [0, 0.5], [0, 1], [0, 1.5], [0, 2]])
  })

  it('leaves an edge across the antimeridian as it is instead of wrapping round the globe', () => {
    const out = densifyPath([[179.5, -17], [-179.5, -16.5], [-179, -16.5]])
    expect(out).toEqual([[179.5, -17], [-179.5, -16.5], [-179.4, -16.5], [-179.3, -16.5], [-179.2, -16.5], [-179.1, -16.5], [-179, -16.5]].map((p, i) => (i < 2 || i === 6 ? p : [expect.closeTo(p[0], 12), p[1]])))
  })

  it('refuses a step that is not a positive number', () => {
    expect(() => densifyPath([[0, 0], [1, 0]], 0)).toThrow('stepDeg must be a positive number of degrees, got 0')
    expect(() => densifyPath([[0, 0], [1, 0]], Number.NaN)).toThrow(/got NaN/)
  })

  it('returns an empty path for an empty one', () => {
    expect(densifyPath([])).toEqual([])
  })
})

describe('densifyGeometry', () => {
  it('densifies the zone window: 44.5° parallels and 8.44° meridians become 0.1° edges', () => {
    const dense = densifyGeometry(BAND)
    // 445 + 85 + 445 + 85 edges, plus the closing vertex
    expect(dense.coordinates[0]).toHaveLength(445 + 85 + 445 + 85 + 1)
    expect(dense.coordinates[0].at(-1)).toEqual(dense.coordinates[0][0])
    expect(longestEdgeDeg(dense)).toBeLessThanOrEqual(0.1 + 1e-12)
  })

  it("keeps Turf's spherical area and perimeter: the shape is the same in longitude/latitude", () => {
    const dense = densifyGeometry(BAND)
    expect(area(dense) / area(BAND)).toBeCloseTo(1, 9)
    // Turf measures edges as great circles; the densified parallels are longer than their chords
    const ratio = length({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: dense.coordinates[0] } }) /
      length({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: BAND.coordinates[0] } })
    expect(ratio).toBeGreaterThan(1.001)
    expect(ratio).toBeLessThan(1.02)
  })

  it('densifies holes as well as outer rings', () => {
    const withHole: Polygon = { type: 'Polygon', coordinates: [BAND.coordinates[0], [[0, 17], [0, 20], [5, 20], [5, 17], [0, 17]]] }
    const dense = densifyGeometry(withHole)
    expect(dense.coordinates).toHaveLength(2)
    expect(dense.coordinates[1]).toHaveLength(30 + 50 + 30 + 50 + 1)
  })

  it('densifies every polygon of a MultiPolygon', () => {
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [BAND.coordinates, [[[30, 10], [31, 10], [31, 11], [30, 10]]]] }
    const dense = densifyGeometry(multi)
    expect(dense.coordinates.map((p) => p[0].length)).toEqual([1061, 10 + 10 + 15 + 1])
  })

  it('densifies lines and multilines', () => {
    const line: LineString = { type: 'LineString', coordinates: [[0, 15], [2, 15]] }
    expect(densifyGeometry(line).coordinates).toHaveLength(21)
    const multi: MultiLineString = { type: 'MultiLineString', coordinates: [[[0, 15], [2, 15]], [[5, 5], [5, 5.25]]] }
    expect(densifyGeometry(multi).coordinates.map((p) => p.length)).toEqual([21, 4])
  })

  it('passes points through and recurses into collections', () => {
    const point: Point = { type: 'Point', coordinates: [3, 4] }
    const points: MultiPoint = { type: 'MultiPoint', coordinates: [[3, 4], [30, 40]] }
    expect(densifyGeometry(point)).toBe(point)
    expect(densifyGeometry(points)).toBe(points)
    const collection = densifyGeometry({ type: 'GeometryCollection', geometries: [point, { type: 'LineString', coordinates: [[0, 0], [0, 1]] }] })
    expect((collection.geometries[1] as LineString).coordinates).toHaveLength(11)
  })

  it('does not change its input', () => {
    const copy = structuredClone(BAND)
    densifyGeometry(BAND)
    expect(BAND).toEqual(copy)
  })
})

describe('longestEdgeDeg', () => {
  it('measures the planar length of the longest edge in degrees', () => {
    expect(longestEdgeDeg(BAND)).toBeCloseTo(44.5, 12)
    expect(longestEdgeDeg({ type: 'LineString', coordinates: [[0, 0], [3, 4]] })).toBe(5)
    expect(longestEdgeDeg({ type: 'Point', coordinates: [0, 0] })).toBe(0)
  })
})
