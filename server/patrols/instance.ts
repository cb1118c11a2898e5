// The covering instance of a plan request: checked countries, candidate sites (spaced from the
// existing ones), blended demand and the coverage sets. Shared by the plan route and the bench.
import type { Position } from 'geojson'
import type { Db } from '../db/types.ts'
import { buildCoverage, type CoverageInstance, CoverageTooLargeError, spacedFromExisting } from '../geo/coverage/coverage-sets.ts'
import { BadRequestError } from '../http-errors.ts'
import { pointCountries } from '../repos/patrols.ts'
import { candidateSites, checkCountries } from './candidates.ts'
import { gatherDemand, type Demand } from './demand.ts'
import type { PlanRequest } from './types.ts'

/** Most (site, demand cell) pairs in the coverage sets: about 200 MB of typed arrays at worst. */
export const MAX_COVERAGE_ENTRIES = 40_000_000

export interface PlanInstance {
  inst: CoverageInstance
  /** the candidates kept (cells and [lng, lat] centres), indexed as in inst */
  candidates: { cells: string[]; points: Position[] }
  /** the border pairs asked for, each sorted a < b */
  pairs: [string, string][] | null
  demand: Demand
  existing: Position[]
  existingCountries: (string | undefined)[]
}

/** Builds the covering instance of a parsed request; bad input throws a 400 naming the field. */
export async function planInstance(db: Db, req: PlanRequest): Promise<PlanInstance> {
  await checkCountries(db, req.candidates)
  const existing = req.existing.map((e) => [e.lng, e.lat])
  const [pool, demand, existingCountries] = await Promise.all([candidateSites(db, req.candidates), gatherDemand(db, req.demand), pointCountries(db, existing)])
  const keep = spacedFromExisting(pool.points, existing, req.minSpacingKm)
  if (keep.length === 0) throw new BadRequestError('body.candidates', 'no candidate site passes the filters (border_pairs, border_km, countries, polygon, exclude, min_spacing_km)')
  const candidates = { cells: keep.map((j) => pool.cells[j]), points: keep.map((j) => pool.points[j]) }
  try {
    const inst = buildCoverage({ candidates: candidates.points, demand: demand.points, weights: demand.weights, existing, radiusKm: req.radiusKm, minSpacingKm: req.minSpacingKm, maxEntries: MAX_COVERAGE_ENTRIES })
    return { inst, candidates, pairs: pool.pairs, demand, existing, existingCountries }
  } catch (err) {
    if (err instanceof CoverageTooLargeError) throw new BadRequestError('body.demand.h3_res', `${err.message}: use a coarser demand or candidate h3_res, or a smaller radius_km`)
    throw err
  }
}
