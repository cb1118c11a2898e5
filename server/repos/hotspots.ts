// Incident counts and sums per stored H3 cell, with the filters every hotspot view shares.
import { currentScope } from '../auth/request-scope.ts'
import { unusedHexDigits } from '../../shared/cell-rings.ts'
import { cellKeys } from '../../shared/gistar.ts'
import { sqlFile } from '../db/sql-files.ts'
import type { Db } from '../db/types.ts'
import { splitRollupWindow, type RollupWindow } from '../geo/rollup-window.ts'
import { filterParams, originParam, type IncidentFilter } from './incidents.ts'

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
 * Cells as columns, for answers of ~100,000 cells and more: cellKey numbers of resolution res
 * (shared/cell-rings.ts), n and value per cell; h3, when given, holds each cell's hex index.
 */
export interface CellColumns {
  res: number
  keys: Float64Array
  n: Float64Array
  values: Float64Array
  h3?: readonly string[]
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

/** The finest resolution the rollup answers, and the finest it answers per month (migrations/011, 012: res 3–4 from res 5, res 6 from res 7). */
export const ROLLUP_MAX_RES = 7
export const ROLLUP_MAX_MONTHLY_RES = 5

/** Whether the cell rollup can answer a query at h3Res with this filter's date window (never with an origin filter: not a rollup dimension). */
export function rollupAnswers(h3Res: number, filter: IncidentFilter): boolean {
  if (h3Res < 3 || h3Res > ROLLUP_MAX_RES || filter.origin !== undefined) return false
  return (filter.from === undefined && filter.to === undefined) || h3Res <= ROLLUP_MAX_MONTHLY_RES
}

/** Whether a filter asks over the whole zone for all time (no bbox, no dates): the *-zone.sql rollup reads answer it alone. */
export function wholeZoneAllTime(filter: IncidentFilter): boolean {
  return filter.bbox === undefined && filter.from === undefined && filter.to === undefined
}

/** The window parameters of the rollup queries ($11..$18 of cells-rollup.sql). */
export function windowParams(w: RollupWindow): unknown[] {
  return [w.allTime, w.noMonths, w.monthFrom, w.monthTo, w.headDays?.[0] ?? null, w.headDays?.[1] ?? null, w.tailDays?.[0] ?? null, w.tailDays?.[1] ?? null]
}

/** One row per cell at resolution h3Res (coarsened for public readers) with matching incidents; sum null counts incidents. */
export async function aggregateCells(db: Db, h3Res: number, filter: IncidentFilter, sum: SumField | null): Promise<CellAggregate[]> {
  const limits = hotspotLimits(h3Res)
  return rollupAnswers(limits.h3Res, filter) ? aggregateCellsFromRollup(db, limits.h3Res, filter, sum, limits.minCount) : aggregateCellsFromRows(db, limits.h3Res, filter, sum, limits.minCount)
}

/**
 * aggregateCells as columns. Over the whole zone for all time the rollup's cells arrive packed in
 * one value (cells-rollup-zone-packed.sql: no hex, no row per cell), in `slices` disjoint slices
 * read at once (zoneReadSlices); otherwise aggregateCells' rows are laid out as columns.
 */
export async function aggregateCellColumns(db: Db, h3Res: number, filter: IncidentFilter, sum: SumField | null, slices = zoneReadSlices(db, h3Res)): Promise<CellColumns> {
  const limits = hotspotLimits(h3Res)
  if (rollupAnswers(limits.h3Res, filter) && wholeZoneAllTime(filter)) {
    const [, , , , , , threats, sources, families] = filterParams(filter)
    const parts = await Promise.all(
      Array.from({ length: slices }, (_, slice) =>
        rollupRead<{ packed: Uint8Array | null }>(db, 'hotspots/cells-rollup-zone-packed', [limits.h3Res, threats, sources, families, sum, limits.minCount, slices, slice]),
      ),
    )
    return unpackCells(
      limits.h3Res,
      parts.map(([{ packed }]) => packed),
      sum !== null,
    )
  }
  const cells = await aggregateCells(db, h3Res, filter, sum)
  const { keys } = cellKeys(cells.map((c) => c.h3))
  return { res: limits.h3Res, keys, n: Float64Array.from(cells, (c) => c.n), values: Float64Array.from(cells, (c) => c.value), h3: cells.map((c) => c.h3) }
}

/**
 * How many disjoint slices the zone read of the res-7 rows (res 6 and 7: ~137,000 rows into
 * ~108,000 cells at 10M incidents) runs in at once: 2 on the PostgreSQL server while no request
 * waits for a connection (each slice a query of its own on the pool, so two cores aggregate; the
 * raw GROUP BY gets parallel workers the same way), else 1. The res-5 rows (~15,000) and PGlite
 * (one connection) read in one.
 */
export function zoneReadSlices(db: Db, h3Res: number): number {
  if (h3Res <= ROLLUP_MAX_MONTHLY_RES || db.driver !== 'pg') return 1
  return (db.stats?.().waiting ?? 0) === 0 ? 2 : 1
}

/**
 * The columns of cells-rollup-zone-packed.sql's bytea values (null: no cell), one after the
 * other, big-endian. With a metric (withValue), 20 bytes a cell: the key (int8), n (int4), the
 * value (float8). For a count (whose values are its n, the same array), 8 bytes a cell: the key
 * shifted left past n's bits (63 minus the key's), or'ed with n; or, when n did not fit, 12 bytes:
 * the negated key (int8), then n (int4).
 */
function unpackCells(res: number, packed: (Uint8Array | null)[], withValue: boolean): CellColumns {
  const minStride = withValue ? 20 : 8
  let most = 0
  for (const p of packed) most += p ? Math.floor(p.byteLength / minStride) : 0
  const keys = new Float64Array(most)
  const n = new Float64Array(most)
  const values = withValue ? new Float64Array(most) : n
  // n's bits below the key in the 8-byte form; the key's bits are 4 per used hex digit
  const nBits = 63 - 4 * (15 - unusedHexDigits(res))
  const nLow = 2 ** Math.min(nBits, 32)
  const nHigh = 2 ** Math.max(0, nBits - 32)
  let i = 0
  for (const p of packed) {
    if (!p) continue
    const view = new DataView(p.buffer, p.byteOffset, p.byteLength)
    for (let at = 0; at < p.byteLength; i++) {
      if (at + minStride > p.byteLength) throw new Error(`packed cells end inside a cell at byte ${at} of ${p.byteLength}`)
      const hi = view.getUint32(at)
      const lo = view.getUint32(at + 4)
      if (withValue) {
        // keys are below 2^53 (cellKey): the high word times 2^32 plus the low word is exact
        keys[i] = hi * 4294967296 + lo
        n[i] = view.getInt32(at + 8)
        values[i] = view.getFloat64(at + 12)
        at += 20
      } else if (hi < 2147483648) {
        // key * 2^nBits + n, taken apart in 32-bit words (the int8 is above 2^53)
        if (nBits <= 32) {
          keys[i] = hi * (4294967296 / nLow) + Math.floor(lo / nLow)
          n[i] = lo % nLow
        } else {
          keys[i] = Math.floor(hi / nHigh)
          n[i] = (hi % nHigh) * 4294967296 + lo
        }
        at += 8
      } else {
        if (at + 12 > p.byteLength) throw new Error(`packed cells end inside a cell at byte ${at} of ${p.byteLength}`)
        keys[i] = -Number(view.getBigInt64(at))
        n[i] = view.getInt32(at + 8)
        at += 12
      }
    }
  }
  return { res, keys: keys.subarray(0, i), n: n.subarray(0, i), values: values.subarray(0, i) }
}

/** aggregateCells over the incidents themselves (a GROUP BY of every matching row). */
export async function aggregateCellsFromRows(db: Db, h3Res: number, filter: IncidentFilter, sum: SumField | null, minCount: number): Promise<CellAggregate[]> {
  const [w, s, e, n, from, to, threats, sources, families] = filterParams(filter)
  return db.query<CellAggregate>(sqlFile('hotspots/cells'), [h3Res, w, s, e, n, from, to, threats, sources, families, sum, minCount, originParam(filter)])
}

/** aggregateCells from the cell rollup, the edge days and the cells cut by the bbox from the rows; h3Res 3..7 (3..5 with dates). */
export async function aggregateCellsFromRollup(db: Db, h3Res: number, filter: IncidentFilter, sum: SumField | null, minCount: number): Promise<CellAggregate[]> {
  const rows = await rollupCells(db, h3Res, filter, sum, minCount, false)
  return rows.map(({ h3, n, value }) => ({ h3, n, value }))
}

/**
 * Cells (per threat with byThreat, else threat '') from the cell rollup where it answers, the rest
 * from the rows (hotspots/cells-rollup.sql); over the whole zone for all time the all-time rows
 * alone answer (cells-rollup-zone.sql). h3Res 3..7 (3..5 with dates, see rollupAnswers).
 */
export async function rollupCells(db: Db, h3Res: number, filter: IncidentFilter, sum: SumField | null, minCount: number, byThreat: boolean): Promise<(CellAggregate & { threat: string })[]> {
  const [w, s, e, n, , , threats, sources, families] = filterParams(filter)
  if (wholeZoneAllTime(filter)) return rollupRead(db, 'hotspots/cells-rollup-zone', [h3Res, threats, sources, families, sum, minCount, byThreat])
  const window = splitRollupWindow(filter.from, filter.to)
  return rollupRead(db, 'hotspots/cells-rollup', [h3Res, w, s, e, n, threats, sources, families, sum, minCount, ...windowParams(window), byThreat])
}

/** Runs a rollup read in a transaction with its settings (no JIT, no parallel workers, 32 MB work_mem; sql/hotspots/rollup-read-settings.sql). */
async function rollupRead<T>(db: Db, file: string, params: unknown[]): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.query(sqlFile('hotspots/rollup-read-settings'))
    return tx.query<T>(sqlFile(file), params)
  })
}

/** Incident counts per cell and time bin (first day of the month or quarter, ISO), with the limits of aggregateCells; in no particular order. */
export async function aggregateCellBins(db: Db, h3Res: number, filter: IncidentFilter, bin: 'month' | 'quarter'): Promise<CellBin[]> {
  const limits = hotspotLimits(h3Res)
  return limits.h3Res >= 3 && limits.h3Res <= ROLLUP_MAX_MONTHLY_RES && filter.origin === undefined
    ? aggregateCellBinsFromRollup(db, limits.h3Res, filter, bin, limits.minCount)
    : aggregateCellBinsFromRows(db, limits.h3Res, filter, bin, limits.minCount)
}

export interface CellBin {
  h3: string
  /** first day of the month or quarter, ISO */
  bin: string
  n: number
}

/** aggregateCellBins over the incidents themselves. */
export async function aggregateCellBinsFromRows(db: Db, h3Res: number, filter: IncidentFilter, bin: 'month' | 'quarter', minCount: number): Promise<CellBin[]> {
  return db.query(sqlFile('hotspots/cells-by-bin'), [h3Res, ...filterParams(filter), bin, minCount, originParam(filter)])
}

/** aggregateCellBins from the monthly rows of the cell rollup (h3Res 3..5), edge days and bbox-cut cells from the rows (over the whole zone for all time, cells-by-bin-rollup-zone.sql). */
export async function aggregateCellBinsFromRollup(db: Db, h3Res: number, filter: IncidentFilter, bin: 'month' | 'quarter', minCount: number): Promise<CellBin[]> {
  const [w, s, e, n, , , threats, sources, families] = filterParams(filter)
  // over the whole zone for all time the monthly rows alone answer, in one aggregation
  if (wholeZoneAllTime(filter)) return rollupRead(db, 'hotspots/cells-by-bin-rollup-zone', [h3Res, threats, sources, families, bin, minCount])
  const window = splitRollupWindow(filter.from, filter.to)
  return rollupRead(db, 'hotspots/cells-by-bin-rollup', [h3Res, w, s, e, n, threats, sources, families, bin, minCount, ...windowParams(window)])
}

/** Credit lines of the datasets with incidents under the filter (from the cell rollup when the window allows). */
export async function creditsFor(db: Db, filter: IncidentFilter): Promise<{ dataset: string; credit: string; url: string | null }[]> {
  return rollupAnswers(ROLLUP_MAX_MONTHLY_RES, filter) ? creditsFromRollup(db, filter) : creditsFromRows(db, filter)
}

/**
 * creditsFor read from the cell rollup (res-5 rows), with cut rows and edge days checked on the
 * incidents; over the whole zone for all time, one probe per dataset (credits-rollup-zone.sql).
 */
export async function creditsFromRollup(db: Db, filter: IncidentFilter): Promise<{ dataset: string; credit: string; url: string | null }[]> {
  const [w, s, e, n, , , threats, sources, families] = filterParams(filter)
  if (wholeZoneAllTime(filter)) return rollupRead(db, 'hotspots/credits-rollup-zone', [threats, sources, families])
  const window = splitRollupWindow(filter.from, filter.to)
  return rollupRead(db, 'hotspots/credits-rollup', [w, s, e, n, threats, sources, families, ...windowParams(window)])
}

/** creditsFor over the incidents themselves (credits.sql). */
export async function creditsFromRows(db: Db, filter: IncidentFilter): Promise<{ dataset: string; credit: string; url: string | null }[]> {
  return db.query(sqlFile('hotspots/credits'), [...filterParams(filter), originParam(filter)])
}
