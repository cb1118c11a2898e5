// What every importer's row mapper produces: one incident ready for the database, or the reason
// a row cannot be used. Pure data; the I/O around it lives in server/import/.

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
  /** one of the secretariat's eleven THREATS */
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
  /** threat category for rows that carry none (generic CSV, GeoJSON, KML, GPX) */
  threat?: string
  /** column or property names: { lat, lng, date, category, id, dead, quantity } */
  mapping?: Partial<Record<MappedField, string>>
}

export const MAPPED_FIELDS = ['lat', 'lng', 'date', 'category', 'id', 'dead', 'quantity'] as const
export type MappedField = (typeof MAPPED_FIELDS)[number]

/** A row mapper for one file: takes the cells of a row and its line number. */
export type RowMapper = (cells: readonly string[], line: number) => RowResult

export function isRejection(r: RowResult): r is Rejection {
  return 'reason' in r
}
