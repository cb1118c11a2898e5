import { describe, expect, it } from 'vitest'
import { tileBounds, tileError } from './tiles.ts'

describe('tileError', () => {
  it('accepts the single tile of zoom 0', () => {
    expect(tileError(0, 0, 0)).toBeNull()
  })

  it('names x when it is past the last column of the zoom', () => {
    expect(tileError(2, 4, 0)).toEqual({ field: 'x', message: 'x must be an integer from 0 to 3 at z=2, got 4' })
  })

  it('names y when it is negative', () => {
    expect(tileError(3, 1, -1)).toEqual({ field: 'y', message: 'y must be an integer from 0 to 7 at z=3, got -1' })
  })

  it('names z when it is above the maximum zoom', () => {
    expect(tileError(23, 0, 0)?.message).toMatch(/^z must be an integer from 0 to 22/)
  })
})

describe('tileBounds', () => {
  it('gives the whole Mercator world for tile 0/0/0', () => {
    const [w, s, e, n] = tileBounds(0, 0, 0)
    expect([w, e]).toEqual([-180, 180])
    expect(n).toBeCloseTo(85.0511, 4)
    expect(s).toBeCloseTo(-85.0511, 4)
  })

  it('puts Agadez (7.99 E, 16.97 N) inside tile 6/33/28', () => {
    const [w, s, e, n] = tileBounds(6, 33, 28)
    expect(w < 7.99 && 7.99 < e && s < 16.97 && 16.97 < n).toBe(true)
  })
})
