// Incident counts and sums per stored H3 cell, with the filters every hotspot view shares.
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

/** One row per cell at resolution h3Res with matching incidents; sum null counts incidents. */
export async function aggregateCells(db: Db, h3Res: number, filter: IncidentFilter, sum: SumField | null): Promise<CellAggregate[]> {
  const [w, s, e, n, from, to, threats, sources, families] = filterParams(filter)
  return db.query<CellAggregate>(sqlFile('hotspots/cells'), [h3Res, w, s, e, n, from, to, threats, sources, families, sum])
}

/** Incident counts per cell and time bin (first day of the month or quarter, ISO). */
export async function aggregateCellBins(db: Db, h3Res: number, filter: IncidentFilter, bin: 'month' | 'quarter'): Promise<{ h3: string; bin: string; n: number }[]> {
  return db.query(sqlFile('hotspots/cells-by-bin'), [h3Res, ...filterParams(filter), bin])
}

/** Credit lines of the datasets with incidents under the filter. */
export async function creditsFor(db: Db, filter: IncidentFilter): Promise<{ dataset: string; credit: string; url: string | null }[]> {
  return db.query(sqlFile('hotspots/credits'), filterParams(filter))
}
