import { cellToParent, latLngToCell } from 'h3-js'
import { describe, expect, it } from 'vitest'
import { cellDecimal, cellHex, resolutionForZoom, storedCells, STORED_RESOLUTIONS } from './h3-cells.ts'

describe('stored H3 cells', () => {
  it.each([
    [7.99, 16.97],
    [13.19, 32.89],
    [-17.44, 14.69],
    [38.9, 8.1],
  ])('equal h3-js latLngToCell and cellToParent at every stored resolution for %f, %f', (lng, lat) => {
    const r9 = latLngToCell(lat, lng, 9)
    const cells = storedCells(lng, lat)
    STORED_RESOLUTIONS.forEach((res, i) => expect(cellHex(cells[i])).toBe(cellToParent(r9, res)))
    expect(cellHex(cells[4])).toBe(latLngToCell(lat, lng, 7))
  })

  it('round-trips hex and decimal forms', () => {
    expect(cellDecimal('871e91a8dffffff')).toBe(BigInt('0x871e91a8dffffff').toString())
    expect(cellHex(cellDecimal('871e91a8dffffff'))).toBe('871e91a8dffffff')
  })

  it('picks coarser cells at low zoom and clamps to 3..8', () => {
    expect(resolutionForZoom(0)).toBe(3)
    expect(resolutionForZoom(5)).toBe(3)
    expect(resolutionForZoom(9)).toBe(6)
    expect(resolutionForZoom(12)).toBe(8)
    expect(resolutionForZoom(18)).toBe(8)
  })
})
