import { describe, expect, it } from 'vitest'
import { LineInputError, MAX_VERTICES, parseLineInput } from './line-input.ts'

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
