// Incident counts and sums per stored H3 cell, with the filters every hotspot view shares.
import { currentScope } from '../auth/request-scope.ts'
import { sqlFile } from '../db/sql-files.ts'
import type { Db } from '../db/types.ts'
import { filterParams, type IncidentFilter } from './incidents.ts'

/** Incident fields a hotspot value can sum. */
export const SUM_FIELDS = ['dead', 'missing', 'dead_missing', 'survivors', 'quantity'] as const
export type SumField = (typeof SUM_FIELDS)[number]

export interface CellAggregate {
  /** H3 cell, hex as h3-js writes it */
  h3: string
  /** incidents in the cell */
  n: number
  /** n, or the sum of the chosen field */
  value: number
}

/**
 * What public readers (embed tokens) may see of hotspots: cells no finer than H3 res 5 (about
 * 250 km² each) holding at least 3 incidents, so no cell points at a single event or person.
 */
export const PUBLIC_HOTSPOTS = { maxH3Res: 5, minCount: 3 } as const

/** The resolution and minimum count a hotspot query runs with for the current request's reader. */
export function hotspotLimits(h3Res: number): { h3Res: number; minCount: number } {
  return currentScope()?.scope === 'public' ? { h3Res: Math.min(h3Res, PUBLIC_HOTSPOTS.maxH3Res), minCount: PUBLIC_HOTSPOTS.minCount } : { h3Res, minCount: 1 }
}

/** One row per cell at resolution h3Res (coarsened for public readers) with matching incidents; sum null counts incidents. */
export async function aggregateCells(db: Db, h3Res: number, filter: IncidentFilter, sum: SumField | null): Promise<CellAggregate[]> {
  const [w, s, e, n, from, to, threats, sources, families] = filterParams(filter)
  const limits = hotspotLimits(h3Res)
  return db.query<CellAggregate>(sqlFile('hotspots/cells'), [limits.h3Res, w, s, e, n, from, to, threats, sources, families, sum, limits.minCount])
}

/** Incident counts per cell and time bin (first day of the month or quarter, ISO), with the limits of aggregateCells. */
export async function aggregateCellBins(db: Db, h3Res: number, filter: IncidentFilter, bin: 'month' | 'quarter'): Promise<{ h3: string; bin: string; n: number }[]> {
  const limits = hotspotLimits(h3Res)
  return db.query(sqlFile('hotspots/cells-by-bin'), [limits.h3Res, ...filterParams(filter), bin, limits.minCount])
}

/** Credit lines of the datasets with incidents under the filter. */
export async function creditsFor(db: Db, filter: IncidentFilter): Promise<{ dataset: string; credit: string; url: string | null }[]> {
  return db.query(sqlFile('hotspots/credits'), filterParams(filter))
}
