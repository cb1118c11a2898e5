import { cellToLatLng, getResolution, gridDistance } from 'h3-js'
import { describe, expect, it } from 'vitest'
import { polylineKm } from '../../../shared/great-circle.ts'
import { routeKmPerCell } from './route-demand.ts'

const AGADEZ_SABHA: [number, number][] = [
  [7.99, 16.97],
  [12.88, 18.99],
  [13.65, 21.96],
  [14.43, 27.04],
]

describe('routeKmPerCell', () => {
  it('puts the whole line length into cells: the km sum to the great-circle length', () => {
    const cells = routeKmPerCell([AGADEZ_SABHA], 5)
    const sum = [...cells.values()].reduce((a, b) => a + b, 0)
    expect(sum).toBeCloseTo(polylineKm(AGADEZ_SABHA), 6)
  })

  it('returns cells at the asked resolution that form a connected chain', () => {
    const cells = [...routeKmPerCell([AGADEZ_SABHA], 4).keys()]
    expect(cells.every((c) => getResolution(c) === 4)).toBe(true)
    // every cell has a neighbour in the set (a line crosses cells edge to edge)
    for (const c of cells) expect(cells.some((d) => d !== c && gridDistance(c, d) === 1)).toBe(true)
  })

  it('gives a cell no more km than a chord through it can hold (about 2 edge lengths at res 5)', () => {
    const cells = routeKmPerCell([AGADEZ_SABHA], 5)
    expect(Math.max(...cells.values())).toBeLessThan(2 * 9.85 + 1)
    const [firstLat] = cellToLatLng([...cells.keys()][0])
    expect(firstLat).toBeCloseTo(16.97, 0)
  })

  it('adds the km of two lines that share a cell', () => {
    const a = routeKmPerCell([[[10, 20], [10.2, 20]]], 3)
    const b = routeKmPerCell([[[10, 20], [10.2, 20]], [[10, 20], [10.2, 20]]], 3)
    const [cell, km] = [...a.entries()][0]
    expect(b.get(cell)).toBeCloseTo(2 * km, 9)
  })
})
