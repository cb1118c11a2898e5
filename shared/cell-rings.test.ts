import fc from 'fast-check'
import { getPentagons, gridDisk, latLngToCell } from 'h3-js'
import { describe, expect, it } from 'vitest'
import { cellKey, KeyIndex, keyCell, RingMemo } from './cell-rings.ts'
import { neighbourhoods, type Neighbourhoods } from './gistar.ts'

// neighbourhoods() as it was before the ring memo (commit 19d9f46): a Map of cell keys and two
// gridDisk calls per cell. The memoised version must give the same study area, in the same order.
function referenceNeighbourhoods(cells: readonly string[], k: number, fillNeighbours: boolean): Neighbourhoods {
  const index = new Map<number, number>()
  const all: string[] = []
  for (const c of cells) index.set(cellKey(c), all.push(c) - 1)
  if (fillNeighbours) {
    const given = all.length
    for (let i = 0; i < given; i++) {
      for (const c of gridDisk(all[i], k)) if (!index.has(cellKey(c))) index.set(cellKey(c), all.push(c) - 1)
    }
  }
  const offsets = new Int32Array(all.length + 1)
  const indices: number[] = []
  for (let i = 0; i < all.length; i++) {
    for (const c of gridDisk(all[i], k)) {
      const j = index.get(cellKey(c))
      if (j !== undefined) indices.push(j)
    }
    offsets[i + 1] = indices.length
  }
  return { cells: all, offsets, indices: Int32Array.from(indices) }
}

const cellSets = fc
  .record({
    res: fc.integer({ min: 3, max: 8 }),
    points: fc.array(fc.tuple(fc.double({ min: 0, max: 25, noNaN: true }), fc.double({ min: -17, max: 25, noNaN: true })), { minLength: 0, maxLength: 60 }),
    k: fc.integer({ min: 1, max: 3 }),
    fill: fc.boolean(),
    pentagon: fc.boolean(),
  })
  .map(({ res, points, k, fill, pentagon }) => {
    const cells = new Set(points.map(([lat, lng]) => latLngToCell(lat, lng, res)))
    // a pentagon and its ring: rings of 6, and gridDisk's distortion around it
    if (pentagon) for (const c of gridDisk(getPentagons(res)[3], 1)) cells.add(c)
    return { cells: [...cells], k, fill }
  })

describe('cell rings', () => {
  it('keys cells and gives them back', () => {
    for (const res of [3, 5, 7, 8, 9, 12]) {
      const c = latLngToCell(16.97, 7.99, res)
      expect(keyCell(cellKey(c), res)).toBe(c)
      expect(cellKey(c)).toBeLessThan(2 ** 53)
    }
  })

  it('indexes keys in a hash table as a Map does', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 2 ** 40 }), fc.nat()), { maxLength: 3000 }), (pairs) => {
        const table = new KeyIndex(4)
        const map = new Map<number, number>()
        for (const [key, value] of pairs) {
          table.set(key, value)
          map.set(key, value)
        }
        expect(table.size).toBe(map.size)
        for (const [key, value] of map) expect(table.get(key)).toBe(value)
        expect(table.get(2 ** 41)).toBe(-1)
      }),
    )
  })

  it('stores the rings of gridDisk, in its order', () => {
    const memo = new RingMemo(2)
    for (const c of [latLngToCell(16.97, 7.99, 7), getPentagons(5)[0]]) {
      memo.ring(memo.slot(cellKey(c)), parseInt(c[1], 16))
      const got = Array.from(memo.rings.subarray(memo.start, memo.start + memo.count), (s) => keyCell(memo.keyOf(s), parseInt(c[1], 16)))
      expect(got).toEqual(gridDisk(c, 2))
    }
  })

  it('gives the study areas of the unmemoised neighbourhoods, memo cold or warm', () => {
    fc.assert(
      fc.property(cellSets, ({ cells, k, fill }) => {
        const expected = referenceNeighbourhoods(cells, k, fill)
        for (let round = 0; round < 2; round++) {
          const got = neighbourhoods(cells, k, fill)
          expect(got.cells).toEqual(expected.cells)
          expect(Array.from(got.offsets)).toEqual(Array.from(expected.offsets))
          expect(Array.from(got.indices)).toEqual(Array.from(expected.indices))
        }
      }),
      { numRuns: 150 },
    )
  })

  it('starts afresh above its budget and still answers', () => {
    const memo = new RingMemo(1, 50)
    const cells = gridDisk(latLngToCell(16.97, 7.99, 6), 3)
    for (const c of cells) memo.ring(memo.slot(cellKey(c)), 6)
    expect(memo.size).toBeGreaterThan(50 / 7)
    memo.reset()
    expect(memo.size).toBe(0)
    memo.ring(memo.slot(cellKey(cells[0])), 6)
    expect(memo.count).toBe(7)
  })
})
