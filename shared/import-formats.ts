// The import formats `POST /api/imports` and `npm run import` accept, shared by the importer and
// the web import dialog so both name them one way.

export const IMPORT_FORMATS = ['auto', 'iom', 'acled', 'csv', 'geojson', 'kml', 'gpx'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]
