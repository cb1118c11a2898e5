// The import formats, how a file's format is recognised, and the dataset and credit it brings.
import { ACLED_CREDIT, ACLED_DATASET, acledMapper } from './acled.ts'
import { IOM_CREDIT, IOM_DATASET, iomMapper } from './iom.ts'
import { resolveMapping, type ResolvedMapping } from './mapping.ts'
import { genericCsvMapper } from './record.ts'
import type { ParseOptions, RowMapper } from './types.ts'
import type { ImportFormat } from '../../../shared/import-formats.ts'

export { IMPORT_FORMATS, type ImportFormat } from '../../../shared/import-formats.ts'
export type CsvFormat = 'iom' | 'acled' | 'csv'

/** The format of a file from its name, and for CSV from its header; 'auto' resolved. */
export function formatFromName(fileName: string): ImportFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  if (ext === 'geojson' || ext === 'json') return 'geojson'
  if (ext === 'kml') return 'kml'
  if (ext === 'gpx') return 'gpx'
  return 'csv'
}

/** Which CSV flavour a header is: the format of the known schema it matches, else generic csv. */
export function csvFlavour(header: readonly string[]): CsvFormat {
  return resolveMapping(header, []).format
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

/** The row mapper of a CSV for this header and its resolved mapping; throws when needed columns are missing. */
export function csvMapper(resolved: ResolvedMapping, header: readonly string[], options: ParseOptions): RowMapper {
  if (resolved.format === 'iom') return iomMapper(header, resolved)
  if (resolved.format === 'acled') return acledMapper(header, options, resolved)
  return genericCsvMapper(header, options, resolved)
}
