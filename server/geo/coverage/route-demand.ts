// Route-km per H3 cell: each line is densified along great circles into short legs and each
// leg's km goes to the cell holding its midpoint, so the cells' km sum to the line's length.
import { getHexagonEdgeLengthAvg, latLngToCell, UNITS } from 'h3-js'
import type { Position } from 'geojson'
import { densifyGreatCircle, distanceKm, interpolate } from '../../../shared/great-circle.ts'

/**
 * Km of the given lines ([lng, lat] vertices) inside each H3 cell at h3Res, keyed by cell (hex).
 * Legs are at most a quarter of the cell's mean edge, so a leg's km lands in the wrong cell only
 * within that distance of a cell edge.
 */
export function routeKmPerCell(lines: readonly Position[][], h3Res: number): Map<string, number> {
  if (!Number.isInteger(h3Res) || h3Res < 0 || h3Res > 15) throw new Error(`h3Res must be an integer 0..15, got ${h3Res}`)
  const stepKm = getHexagonEdgeLengthAvg(h3Res, UNITS.km) / 4
  const out = new Map<string, number>()
  for (const line of lines) {
    const dense = densifyGreatCircle(line, stepKm)
    for (let i = 1; i < dense.length; i++) {
      const km = distanceKm(dense[i - 1], dense[i])
      if (km === 0) continue
      const [lng, lat] = interpolate(dense[i - 1], dense[i], 0.5)
      const cell = latLngToCell(lat, lng, h3Res)
      out.set(cell, (out.get(cell) ?? 0) + km)
    }
  }
  return out
}
