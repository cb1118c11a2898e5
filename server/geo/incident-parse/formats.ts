// The import formats, how a file's format is recognised, and the dataset and credit it brings.
import { ACLED_CREDIT, ACLED_DATASET, acledMapper, isAcledHeader } from './acled.ts'
import { IOM_CREDIT, IOM_DATASET, iomMapper, isIomHeader } from './iom.ts'
import { genericCsvMapper } from './record.ts'
import type { ParseOptions, RowMapper } from './types.ts'

export const IMPORT_FORMATS = ['auto', 'iom', 'acled', 'csv', 'geojson', 'kml', 'gpx'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]
export type CsvFormat = 'iom' | 'acled' | 'csv'

/** The format of a file from its name, and for CSV from its header; 'auto' resolved. */
export function formatFromName(fileName: string): ImportFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  if (ext === 'geojson' || ext === 'json') return 'geojson'
  if (ext === 'kml') return 'kml'
  if (ext === 'gpx') return 'gpx'
  return 'csv'
}

/** Which CSV flavour a header is. */
export function csvFlavour(header: readonly string[]): CsvFormat {
  if (isIomHeader(header)) return 'iom'
  if (isAcledHeader(header)) return 'acled'
  return 'csv'
}

export interface DatasetInfo {
  /** source_dataset of every incident of the file */
  dataset: string
  /** credit line that travels with the data */
  credit: string
  url: string | null
  /** the dataset's terms of use, recorded with its credit */
  licence: string | null
  /** false when the terms forbid redistribution: such data can never be shared publicly */
  redistribution: boolean
}

/** ACLED's terms: attribution, and no redistribution of the data itself. */
export const ACLED_LICENCE = 'ACLED Terms of Use: attribution required; the data may not be redistributed'
export const IOM_LICENCE = 'CC BY 4.0'

/** The dataset and credit of a format; generic files take the given dataset name and credit. */
export function datasetInfo(format: CsvFormat | 'geojson' | 'kml' | 'gpx', given: { dataset?: string; credit?: string }, fileName: string): DatasetInfo {
  if (format === 'iom') return { dataset: given.dataset ?? IOM_DATASET, credit: IOM_CREDIT, url: 'https://missingmigrants.iom.int/', licence: IOM_LICENCE, redistribution: true }
  if (format === 'acled') return { dataset: given.dataset ?? ACLED_DATASET, credit: ACLED_CREDIT, url: 'https://acleddata.com/', licence: ACLED_LICENCE, redistribution: false }
  const base = fileName.replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'upload'
  return { dataset: given.dataset ?? base, credit: given.credit ?? `${fileName} (user import)`, url: null, licence: null, redistribution: true }
}

/** The row mapper of a CSV flavour for this header; throws when needed columns are missing. */
export function csvMapper(format: CsvFormat, header: readonly string[], options: ParseOptions): RowMapper {
  if (format === 'iom') return iomMapper(header)
  if (format === 'acled') return acledMapper(header, options)
  return genericCsvMapper(header, options)
}
