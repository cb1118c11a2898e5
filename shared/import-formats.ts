// The import formats `POST /api/imports` and `npm run import` accept, and the fields a column
// mapping names, the mapping an import records and the preview it answers: shared by the
// importer and the web import dialog so both name them one way.

export const IMPORT_FORMATS = ['auto', 'iom', 'acled', 'csv', 'geojson', 'kml', 'gpx'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

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


/** What an import records of its mapping step (imports.mapping). */
export interface StoredMapping {
  /** the known schema recognised, or null for a generic CSV */
  schema: string | null
  schema_label: string
  /** the column that played each field, with the coordinate and date order */
  fields: ColumnMapping
  /** how the dates were written ("YYYY-MM-DD", "year + month", ...) */
  date_form: string | null
  /** which coordinates were used when a file has two forms, and similar choices */
  notes: string[]
  /** a user's own mapping, default threat, dataset and credit: reused by the next import with the same headers */
  user?: { mapping: ColumnMapping; threat?: string; dataset?: string; credit?: string }
  /** the earlier import whose user mapping this one reused */
  reused_from: number | null
}

/** The answer of `POST /api/imports/preview`: the plan and a dry run over the first rows. */
export interface ImportPreview {
  file_name: string
  /** the reader chosen: iom, acled or csv */
  format: string
  header: string[]
  delimiter: string
  /** the first rows, as cells */
  rows: string[][]
  mapping: StoredMapping
  /** what stops the import (no coordinates, a date column that does not parse), by field */
  problems: { field: string; message: string }[]
  dataset: string
  credit: string
  threat: string | null
  /** the dry run over the sampled rows */
  sample: { rows: number; accepted: number; rejected: number; dead: number; missing: number; threats: Record<string, number>; rejections: { line: number; field: string; reason: string }[] }
}
