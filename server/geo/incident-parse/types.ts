// What every importer's row mapper produces: one incident ready for the database, or the reason
// a row cannot be used. Pure data; the I/O around it lives in server/import/.
import type { ColumnMapping } from '../../../shared/import-formats.ts'

export type DatePrecision = 'day' | 'month' | 'year'

export interface ParsedIncident {
  /** line (CSV) or feature number (GeoJSON, KML, GPX) in the source file, 1-based */
  line: number
  /** id within its source dataset; stable across re-imports of the same file */
  sourceId: string
  lng: number
  lat: number
  /** ISO date; the first day of the month or year when less precise */
  date: string
  datePrecision: DatePrecision
  /** one of the secretariat's THREATS; `unclassified` when the row fits none */
  threat: string
  /** 1 exact (town), 2 near (district), 3 region or low precision; null when unknown */
  geoPrecision: 1 | 2 | 3 | null
  dead: number | null
  missing: number | null
  deadMissing: number | null
  survivors: number | null
  /** a seized quantity (kg, units) where the source gives one */
  quantity: number | null
  /** the source's own route label and the catalogue family it maps to */
  route: string | null
  routeFamily: string | null
  attrs: Record<string, unknown>
}

/** A row that cannot be used: its line, the field at fault and why. */
export interface Rejection {
  line: number
  field: string
  reason: string
}

export type RowResult = ParsedIncident | Rejection

/** Options every format accepts. */
export interface ParseOptions {
  /** threat category for rows whose own category maps to none (else they are `unclassified`) */
  threat?: string
  /** column or property names per field, and how to read coordinates and dates */
  mapping?: ColumnMapping
}

export { MAPPED_FIELDS, type MappedField, COORDINATE_ORDERS, type CoordinateOrder, DATE_ORDERS, type DateOrder, type ColumnMapping } from '../../../shared/import-formats.ts'

/** A row mapper for one file: takes the cells of a row and its line number. */
export type RowMapper = (cells: readonly string[], line: number) => RowResult

export function isRejection(r: RowResult): r is Rejection {
  return 'reason' in r
}
