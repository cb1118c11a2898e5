import { describe, expect, it } from 'vitest'
import { densifyLineInput, LineInputError, MAX_DENSIFIED_VERTICES, MAX_VERTICES, parseLineInput } from './line-input.ts'

const fail = (input: unknown, opts?: Parameters<typeof parseLineInput>[1]) => {
  try {
    parseLineInput(input, opts)
  } catch (err) {
    if (err instanceof LineInputError) return { field: err.field, message: err.message }
    throw err
  }
  throw new Error('expected a LineInputError')
}

describe('parseLineInput', () => {
  it('accepts a LineString and returns its one part', () => {
    const r = parseLineInput({ type: 'LineString', coordinates: [[8, 17], [13, 19]] })
    expect(r.parts).toEqual([[[8, 17], [13, 19]]])
  })

  it('accepts a Feature holding a MultiLineString, dropping elevations', () => {
    const r = parseLineInput({ type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: [[[8, 17, 500], [9, 18]], [[10, 19], [11, 20]]] } })
    expect(r.parts).toEqual([[[8, 17], [9, 18]], [[10, 19], [11, 20]]])
  })

  it('accepts a self-intersecting line', () => {
    expect(() => parseLineInput({ type: 'LineString', coordinates: [[0, 0], [2, 2], [2, 0], [0, 2]] })).not.toThrow()
  })

  it('names the problem with fewer than 2 points', () => {
    expect(fail({ type: 'LineString', coordinates: [[8, 17]] })).toEqual({ field: 'geometry.coordinates', message: 'geometry.coordinates must have at least 2 positions, got 1' })
  })

  it('names the position whose latitude is out of range', () => {
    expect(fail({ type: 'LineString', coordinates: [[8, 17], [9, 95]] })).toEqual({
      field: 'geometry.coordinates[1]',
      message: 'geometry.coordinates[1] latitude must be a number from -90 to 90, got 95',
    })
  })

  it('refuses more than 10,000 vertices', () => {
    const coordinates = Array.from({ length: MAX_VERTICES + 1 }, (_, i) => [i / 1000, 10])
    expect(fail({ type: 'LineString', coordinates }).message).toBe('geometry must have at most 10000 vertices')
  })

  it('refuses what is not GeoJSON', () => {
    expect(fail('LINESTRING(0 0, 1 1)').message).toBe('geometry must be a GeoJSON LineString or MultiLineString')
    expect(fail({ type: 'Polygon', coordinates: [] }).field).toBe('geometry.type')
  })

  it('refuses a MultiLineString where only a LineString is allowed', () => {
    expect(fail({ type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]]] }, { allowMulti: false }).message).toBe('geometry.type must be LineString, got "MultiLineString"')
  })

  it('refuses a line whose points are all the same', () => {
    expect(fail({ type: 'LineString', coordinates: [[5, 5], [5, 5]] }).message).toMatch(/at least 2 distinct positions/)
  })
})

describe('densifyLineInput', () => {
  it('densifies a drawn line to 0.1° edges along what the map draws, keeping its clicks', () => {
    const dense = densifyLineInput(parseLineInput({ type: 'LineString', coordinates: [[0, 20], [3, 20], [3, 20.05]] }))
    expect(dense.geometry.type).toBe('LineString')
    expect(dense.parts[0]).toHaveLength(31 + 1)
    expect(dense.parts[0].every((p) => p[1] === 20 || p[0] === 3)).toBe(true)
    expect(dense.geometry.coordinates).toEqual(dense.parts[0])
  })

  it('densifies each part of a MultiLineString', () => {
    const dense = densifyLineInput(parseLineInput({ type: 'MultiLineString', coordinates: [[[0, 0], [0, 1]], [[5, 5], [5.5, 5]]] }))
    expect(dense.geometry.type).toBe('MultiLineString')
    expect(dense.parts.map((p) => p.length)).toEqual([11, 6])
  })

  it('refuses a line that would pass the densified vertex limit, naming the field', () => {
    const coordinates = Array.from({ length: 120 }, (_, i) => [i % 2 === 0 ? -89 : 89, i / 10])
    let caught: unknown
    try {
      densifyLineInput(parseLineInput({ type: 'LineString', coordinates }, { field: 'body' }), { field: 'body' })
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(LineInputError)
    expect((caught as LineInputError).field).toBe('body.coordinates')
    expect((caught as LineInputError).message).toBe(`body densified to 0.1° edges would have 211940 vertices, more than ${MAX_DENSIFIED_VERTICES}`)
  })
})
