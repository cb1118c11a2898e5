import { describe, expect, it } from 'vitest'
import { splitSegments } from './route-segments.ts'

const line = { type: 'LineString' as const, coordinates: [[0, 0], [1, 0], [2, 0], [3, 0], [4, 0]] }

describe('splitSegments', () => {
  it('cuts the line at the shared vertices of its legs', () => {
    const parts = splitSegments(line, [{ kind: 'track', start: 0, end: 2 }, { kind: 'sea', start: 2, end: 4 }])
    expect(parts).toEqual([
      { leg: 'track', geometry: { type: 'LineString', coordinates: [[0, 0], [1, 0], [2, 0]] } },
      { leg: 'sea', geometry: { type: 'LineString', coordinates: [[2, 0], [3, 0], [4, 0]] } },
    ])
  })

  it('draws a route without segments as one schematic piece', () => {
    expect(splitSegments(line, undefined)).toEqual([{ leg: 'schematic', geometry: line }])
  })

  it('treats ranges that do not fit the line (an edited geometry) as schematic', () => {
    expect(splitSegments(line, [{ kind: 'track', start: 0, end: 9 }])).toEqual([{ leg: 'schematic', geometry: line }])
    expect(splitSegments(line, [{ kind: 'road', start: 0, end: 4 }])).toEqual([{ leg: 'schematic', geometry: line }])
  })
})
