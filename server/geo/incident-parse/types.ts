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

/**
 * The fields a column can be mapped to: separate lat/lng columns or one `coordinates` string;
 * a `date` column or `year` (+ `month`) columns; the category, source id, counts and quantity.
 */
export const MAPPED_FIELDS = ['lat', 'lng', 'coordinates', 'date', 'year', 'month', 'category', 'id', 'dead', 'missing', 'quantity'] as const
export type MappedField = (typeof MAPPED_FIELDS)[number]

/** Order of the two numbers of a coordinate string: "lat, lon" (IOM) or "lon, lat". */
export const COORDINATE_ORDERS = ['latlng', 'lnglat'] as const
export type CoordinateOrder = (typeof COORDINATE_ORDERS)[number]

/** How a date written 01/06/2014 reads: month first (IOM, US style) or day first (most partners). */
export const DATE_ORDERS = ['mdy', 'dmy'] as const
export type DateOrder = (typeof DATE_ORDERS)[number]

/** A user's mapping: a column name per field, plus the coordinate order and date order. */
export type ColumnMapping = Partial<Record<MappedField, string>> & { order?: CoordinateOrder; date_order?: DateOrder }

/** A row mapper for one file: takes the cells of a row and its line number. */
export type RowMapper = (cells: readonly string[], line: number) => RowResult

export function isRejection(r: RowResult): r is Rejection {
  return 'reason' in r
}
