import { describe, expect, it } from 'vitest'
import { unusableValue } from './input-guards.ts'

describe('unusableValue', () => {
  it('finds an infinite query number by its name', () => {
    expect(unusableValue({ limit: Infinity, q: 'Infinity' }, '')).toEqual({ field: 'limit', reason: 'must be a finite number' })
  })

  it('finds a NaN deep in a body', () => {
    expect(unusableValue({ geometry: { coordinates: [[1, 2], [3, Number.NaN]] } }, 'body')?.field).toBe('body.geometry.coordinates[1][1]')
  })

  it('finds a NUL character in a path parameter', () => {
    expect(unusableValue({ id: 'a\u0000b' }, '')).toEqual({ field: 'id', reason: 'must not contain NUL characters' })
  })

  it('passes finite numbers and ordinary strings', () => {
    expect(unusableValue({ a: 1e308, b: 'NaN', c: [0, -0], d: 'سبها' }, '')).toBeNull()
  })
})
