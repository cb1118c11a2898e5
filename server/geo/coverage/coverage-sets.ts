// The maximal covering instance: which demand cells each candidate site covers (centre within
// radiusKm on the sphere), the weight of each cell, what the fixed existing sites already cover,
// and which candidate pairs are closer than the minimum spacing. Stored as CSR arrays so a
// 100,000-candidate instance stays a few typed arrays.
import type { Position } from 'geojson'
import { distanceKm } from '../../../shared/great-circle.ts'
import { bucketDegFor, PointIndex } from './point-index.ts'

export interface CoverageInstance {
  /** candidate count (m) and demand cell count (n) */
  m: number
  n: number
  /** demand weight of each cell */
  weights: Float64Array
  /** demand cells covered by candidate j: covIdx[covStart[j] .. covStart[j+1]) */
  covStart: Int32Array
  covIdx: Int32Array
  /** how many existing sites cover each demand cell (existing sites count first) */
  existingCount: Int32Array
  /** candidates closer than minSpacingKm to candidate j: conflictIdx[conflictStart[j] .. conflictStart[j+1]) */
  conflictStart: Int32Array
  conflictIdx: Int32Array
}

export interface CoverageInput {
  candidates: readonly Position[]
  demand: readonly Position[]
  weights: ArrayLike<number>
  existing?: readonly Position[]
  radiusKm: number
  /** least distance between two new sites, km (0 = none) */
  minSpacingKm?: number
  /** most coverage entries (candidate, cell) allowed before giving up (default unlimited) */
  maxEntries?: number
}

/** Thrown when the coverage sets would exceed maxEntries (too fine a demand resolution for the radius). */
export class CoverageTooLargeError extends Error {
  constructor(readonly maxEntries: number) {
    super(`the coverage sets exceed ${maxEntries} (site, cell) pairs`)
  }
}

function toCsr(lists: number[][]): { start: Int32Array; idx: Int32Array } {
  const start = new Int32Array(lists.length + 1)
  lists.forEach((l, j) => (start[j + 1] = start[j] + l.length))
  const idx = new Int32Array(start[lists.length])
  lists.forEach((l, j) => idx.set(l, start[j]))
  return { start, idx }
}

const maxAbsLat = (ps: readonly Position[]) => ps.reduce((m, p) => Math.max(m, Math.abs(p[1])), 0)

/** Builds the coverage sets (great-circle distance, km) of every candidate over the demand cells. */
export function buildCoverage(input: CoverageInput): CoverageInstance {
  const { candidates, demand, weights, existing = [], radiusKm, minSpacingKm = 0, maxEntries = Infinity } = input
  if (!(radiusKm > 0)) throw new Error(`radiusKm must be positive, got ${radiusKm}`)
  if (weights.length !== demand.length) throw new Error(`weights has ${weights.length} entries for ${demand.length} demand cells`)
  const lat = Math.max(maxAbsLat(candidates), maxAbsLat(demand), maxAbsLat(existing))
  const demandIndex = new PointIndex(demand, bucketDegFor(radiusKm, lat))
  let entries = 0
  const cov = toCsr(
    candidates.map((c) => {
      const list = demandIndex.within(c, radiusKm)
      if ((entries += list.length) > maxEntries) throw new CoverageTooLargeError(maxEntries)
      return list
    }),
  )
  const existingCount = new Int32Array(demand.length)
  for (const e of existing) for (const i of demandIndex.within(e, radiusKm)) existingCount[i]++
  let conflicts = toCsr(candidates.map(() => []))
  if (minSpacingKm > 0) {
    const candidateIndex = new PointIndex(candidates, bucketDegFor(minSpacingKm, lat))
    // strictly closer than the spacing conflicts; exactly at the spacing is allowed
    conflicts = toCsr(candidates.map((c, j) => candidateIndex.within(c, minSpacingKm).filter((q) => q !== j && distanceKm(candidates[q], c) < minSpacingKm)))
  }
  return {
    m: candidates.length,
    n: demand.length,
    weights: Float64Array.from(weights),
    covStart: cov.start,
    covIdx: cov.idx,
    existingCount,
    conflictStart: conflicts.start,
    conflictIdx: conflicts.idx,
  }
}

/** Candidates at least minSpacingKm from every existing site (indices into candidates). */
export function spacedFromExisting(candidates: readonly Position[], existing: readonly Position[], minSpacingKm: number): number[] {
  if (!(minSpacingKm > 0) || existing.length === 0) return candidates.map((_, j) => j)
  const index = new PointIndex(existing, bucketDegFor(minSpacingKm, maxAbsLat(existing)))
  const out: number[] = []
  candidates.forEach((c, j) => {
    if (!index.within(c, minSpacingKm).some((e) => distanceKm(existing[e], c) < minSpacingKm)) out.push(j)
  })
  return out
}

/** Demand weight covered by existing sites plus the chosen candidates. */
export function coveredWeight(inst: CoverageInstance, chosen: readonly number[]): number {
  const hit = Uint8Array.from(inst.existingCount, (c) => (c > 0 ? 1 : 0))
  for (const j of chosen) for (let p = inst.covStart[j]; p < inst.covStart[j + 1]; p++) hit[inst.covIdx[p]] = 1
  let sum = 0
  for (let i = 0; i < inst.n; i++) if (hit[i]) sum += inst.weights[i]
  return sum
}

/** Whether no two chosen candidates conflict (closer than the spacing). */
export function spacingRespected(inst: CoverageInstance, chosen: readonly number[]): boolean {
  const set = new Set(chosen)
  return chosen.every((j) => {
    for (let p = inst.conflictStart[j]; p < inst.conflictStart[j + 1]; p++) if (set.has(inst.conflictIdx[p])) return false
    return true
  })
}
