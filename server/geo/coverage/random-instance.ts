// Seeded random covering instances for tests and the bench: candidates and demand cells
// scattered in a box, demand weights skewed so that a few cells matter most.
import type { Position } from 'geojson'
import { buildCoverage, type CoverageInstance } from './coverage-sets.ts'

export interface RandomInstanceOptions {
  candidates: number
  demand: number
  /** [west, south, east, north], degrees (default a 3° box at 20°N) */
  box?: [number, number, number, number]
  radiusKm: number
  minSpacingKm?: number
  existing?: number
}

/** A random instance from a uniform generator (pass mulberry32(seed)), with its points. */
export function randomInstance(random: () => number, o: RandomInstanceOptions): { inst: CoverageInstance; candidates: Position[]; demand: Position[]; existing: Position[] } {
  const [w, s, e, n] = o.box ?? [10, 20, 13, 23]
  const point = (): Position => [w + random() * (e - w), s + random() * (n - s)]
  const candidates = Array.from({ length: o.candidates }, point)
  const demand = Array.from({ length: o.demand }, point)
  const existing = Array.from({ length: o.existing ?? 0 }, point)
  const weights = demand.map(() => Math.round(1 + 20 * random() ** 3))
  const inst = buildCoverage({ candidates, demand, weights, existing, radiusKm: o.radiusKm, minSpacingKm: o.minSpacingKm })
  return { inst, candidates, demand, existing }
}
