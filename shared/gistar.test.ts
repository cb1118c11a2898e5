import { gridDisk, gridDistance, latLngToCell } from 'h3-js'
import { describe, expect, it } from 'vitest'
import { giStar, giStarZ, hotspotClass, neighbourhoods } from './gistar.ts'
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

  it('refuses a cell given twice', () => {
    expect(() => neighbourhoods([centre, centre])).toThrow(`cell ${centre} appears twice`)
  })
})
