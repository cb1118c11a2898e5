// The import formats `POST /api/imports` and `npm run import` accept, and the fields a column
// mapping names, shared by the importer and the web import dialog so both name them one way.

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

