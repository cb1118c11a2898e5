import { gridDisk, gridDistance, latLngToCell } from 'h3-js'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { cellKeys, distinctOf, forgetStudyAreas, GISTAR_DECIMALS, giStar, giStarColumns, giStarZ, hotspotClass, keyNeighbourhoods, listed, listedEntries, neighbourhoods } from './gistar.ts'
import { bhAdjust } from './fdr.ts'
import { twoSidedP } from './normal.ts'

// A 19-cell grid: a centre cell near Agadez (r7), its ring of 6 and the 12 cells of ring 2.
const centre = latLngToCell(16.97, 7.99, 7)
const grid = gridDisk(centre, 2)
const values = grid.map((c) => [10, 5, 0][gridDistance(centre, c)])

describe('Gi*', () => {
  // By hand: n = 19, Σx = 40, X̄ = 2.105263, Σx² = 250, S = √(250/19 − X̄²) = 2.953941.
  // Centre: its k=1 ring (7 cells) holds 10 + 6·5 = 40, W = 7:
  //   z = (40 − 7 X̄) / (S √((19·7 − 7²)/18)) = 25.263158 / 6.381268 = 3.958973
  // A ring-1 cell: itself 5, the centre 10, two ring-1 neighbours 5 + 5, three ring-2 cells 0:
  //   z = (25 − 7 X̄) / 6.381268 = 1.608333
  it('matches the hand computation on a 19-cell grid', () => {
    const nb = neighbourhoods(grid, 1, false)
    const z = giStarZ(nb, values)
    expect(z[grid.indexOf(centre)]).toBeCloseTo(3.958973, 5)
    for (const c of gridDisk(centre, 1).filter((c) => c !== centre)) expect(z[grid.indexOf(c)]).toBeCloseTo(1.608333, 5)
  })

  it('gives the standard normal two-sided p-values (scipy: 7.528e-5 for z = 3.958973)', () => {
    expect(twoSidedP(3.958973)).toBeCloseTo(7.528e-5, 7)
    expect(twoSidedP(1.959964)).toBeCloseTo(0.05, 6)
    expect(twoSidedP(0)).toBe(1)
  })

  it('classes the centre hot at 99% and the ring-1 cells not significant', () => {
    const cells = giStar(
      grid.map((h3, i) => ({ h3, value: values[i] })),
      { fillNeighbours: false, fdr: false },
    )
    expect(cells.find((c) => c.h3 === centre)!.class).toBe('hot_99')
    expect(cells.find((c) => c.h3 === grid[1])!.class).toBe('not_significant')
  })

  it('zero-fills the k-ring around the given cells when asked', () => {
    expect(neighbourhoods([centre], 1, true).cells.length).toBe(7)
    expect(neighbourhoods([centre], 2, true).cells.length).toBe(19)
  })

  it('gives z = 0 everywhere when all values are equal', () => {
    const nb = neighbourhoods(grid, 1, false)
    expect(Array.from(giStarZ(nb, grid.map(() => 3))).every((z) => z === 0)).toBe(true)
  })

  it('classes by p-value thresholds 0.01, 0.05 and 0.10 on the side of z', () => {
    expect(hotspotClass(3, 0.004)).toBe('hot_99')
    expect(hotspotClass(-2.1, 0.03)).toBe('cold_95')
    expect(hotspotClass(1.7, 0.09)).toBe('hot_90')
    expect(hotspotClass(1.2, 0.23)).toBe('not_significant')
  })

  it('gives z to 4 decimals and p, q to 6, classed on the rounded numbers', () => {
    expect(GISTAR_DECIMALS).toEqual({ z: 4, p: 6 })
    const cells = grid.map((h3, i) => ({ h3, value: values[i] }))
    const nb = neighbourhoods(grid, 1, true)
    const full = giStarZ(nb, [...values, ...new Array(nb.cells.length - grid.length).fill(0)])
    const fullQ = bhAdjust(Float64Array.from(full, twoSidedP))
    const rounded = giStar(cells)
    // the given cells, then the zero-filled neighbours that are hot or cold spots
    const expected = nb.cells.filter((h3, i) => i < grid.length || hotspotClass(Math.round(full[i] * 1e4) / 1e4, Math.round(fullQ[i] * 1e6) / 1e6) !== 'not_significant')
    expect(rounded.map((c) => c.h3)).toEqual(expected)
    expect(expected.length).toBeLessThan(nb.cells.length)
    rounded.forEach((c) => {
      const i = nb.cells.indexOf(c.h3)
      expect(c.z).toBe(Math.round(full[i] * 1e4) / 1e4 + 0)
      expect(c.p).toBe(Math.round(twoSidedP(full[i]) * 1e6) / 1e6 + 0)
      expect(c.q).toBe(Math.round(fullQ[i] * 1e6) / 1e6 + 0)
      expect(c.class).toBe(hotspotClass(c.z, c.q))
      expect(Object.is(c.z, -0)).toBe(false)
    })
    expect(giStar(cells, { fillNeighbours: false }).find((c) => c.h3 === centre)!.z).toBe(3.959)
    // without the correction q is p
    const { p, q } = giStarColumns(7, Float64Array.of(1), Float64Array.of(1), { fdr: false })
    expect(Array.from(q)).toEqual(Array.from(p))
  })

  it('lists the zero-filled neighbours that are hot or cold spots, and only those', () => {
    // a hot cluster of 7 cells amid 217 quiet ones far away: its zero-filled ring is hot too
    const quiet = gridDisk(latLngToCell(20.5, 12.5, 7), 8).map((h3) => ({ h3, value: 1 }))
    const cells = [...gridDisk(centre, 1).map((h3) => ({ h3, value: 50 })), ...quiet]
    const all = neighbourhoods(cells.map((c) => c.h3)).cells
    const listedCells = giStar(cells)
    const filled = listedCells.slice(cells.length)
    expect(listedCells.slice(0, cells.length).map((c) => c.h3)).toEqual(cells.map((c) => c.h3))
    expect(filled.length).toBeGreaterThan(0)
    for (const c of filled) {
      expect(c.value).toBe(0)
      expect(c.class).not.toBe('not_significant')
    }
    // the ring around the quiet cells is not listed, though it counts in the statistics
    expect(all.length).toBeGreaterThan(listedCells.length + 40)
    const gi = giStarColumns(7, cellKeys(cells.map((c) => c.h3)).keys, cells.map((c) => c.value))
    expect(gi.keys.length).toBe(all.length)
    expect(Array.from(gi.keys.keys()).filter((i) => listed(gi, i)).length).toBe(listedCells.length)
    // the same rule by entry of the statistics, as the API writer reads it
    const byEntry = listedEntries(gi)
    for (let i = gi.given; i < gi.keys.length; i++) expect(byEntry[gi.of[i]] === 1).toBe(listed(gi, i))
  })

  it('computes p, q and rounding once per distinct z as it would per cell (random cells, counts and sums, k 1–3, FDR on and off)', () => {
    const areas = fc.record({
      points: fc.uniqueArray(fc.tuple(fc.double({ min: 14, max: 20, noNaN: true }), fc.double({ min: 4, max: 12, noNaN: true }), fc.oneof(fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 1e4, noNaN: true }))), {
        minLength: 1,
        maxLength: 120,
        selector: ([lat, lng]) => `${lat},${lng}`,
      }),
      res: fc.integer({ min: 3, max: 6 }),
      k: fc.integer({ min: 1, max: 3 }),
      fdr: fc.boolean(),
    })
    fc.assert(
      fc.property(areas, ({ points, res, k, fdr }) => {
        const byCell = new Map(points.map(([lat, lng, v]) => [latLngToCell(lat, lng, res), v]))
        const cells = [...byCell.keys()]
        const nb = neighbourhoods(cells, k, true)
        const all = nb.cells.map((c) => byCell.get(c) ?? 0)
        const z = giStarZ(nb, all)
        const p = Float64Array.from(z, twoSidedP)
        const q = fdr ? bhAdjust(p) : p
        const gi = giStarColumns(res, cellKeys(cells).keys, [...byCell.values()], { k, fdr })
        const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d + 0
        expect(gi.given).toBe(cells.length)
        expect(Array.from(gi.keys)).toEqual(Array.from(cellKeys(nb.cells).keys))
        expect(Array.from(gi.of, (j) => gi.z[j])).toEqual(Array.from(z, (x) => round(x, 4)))
        expect(Array.from(gi.of, (j) => gi.p[j])).toEqual(Array.from(p, (x) => round(x, 6)))
        expect(Array.from(gi.of, (j) => gi.q[j])).toEqual(Array.from(q, (x) => round(x, 6)))
        // one entry per distinct z
        expect(gi.z.length).toBe(new Set(Array.from(z, (x) => (Object.is(x, -0) ? '-0' : String(x)))).size)
      }),
      { numRuns: 80 },
    )
  })

  it('builds a study area once for the same cells, again for others', () => {
    forgetStudyAreas()
    const { keys } = cellKeys(grid)
    const first = keyNeighbourhoods(7, keys)
    expect(keyNeighbourhoods(7, Float64Array.from(keys))).toBe(first)
    // other cells, order, k or filling: built again, equal to a fresh build
    const others = [keys.slice(1), keys.slice().reverse()]
    for (const other of others) expect(keyNeighbourhoods(7, other)).not.toBe(first)
    expect(keyNeighbourhoods(7, keys, 2)).not.toBe(keyNeighbourhoods(7, keys, 1))
    const memoised = keyNeighbourhoods(7, keys, 1, false)
    forgetStudyAreas()
    const fresh = keyNeighbourhoods(7, keys, 1, false)
    expect(fresh).not.toBe(memoised)
    expect(fresh).toEqual(memoised)
  })

  it('finds the distinct values of an array by bit pattern', () => {
    const x = Float64Array.of(1, 2, 1, -0, 0, NaN, 2, NaN, 1e-300, 1)
    const { values, counts, of } = distinctOf(x)
    expect(Array.from(values)).toEqual([1, 2, -0, 0, NaN, 1e-300])
    expect(Object.is(values[2], -0)).toBe(true)
    expect(Array.from(counts)).toEqual([3, 2, 1, 1, 2, 1])
    x.forEach((v, i) => expect(Object.is(values[of[i]], v)).toBe(true))
    expect(distinctOf(new Float64Array(0)).values.length).toBe(0)
  })

  it('refuses a cell given twice', () => {
    expect(() => neighbourhoods([centre, centre])).toThrow(`cell ${centre} appears twice`)
  })
})
