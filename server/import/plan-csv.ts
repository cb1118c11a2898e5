// The mapping step of a CSV import, before anything is written: sniff the header and first rows,
// find the user's mapping (given, or saved by the agency's last import of a file with the same
// headers), and resolve which column plays each field. The preview endpoint shows this plan; an
// import follows it.
import type { ImportFormat } from '../geo/incident-parse/formats.ts'
import { hash53 } from '../geo/incident-parse/fields.ts'
import { headerSignature, mappingNames, resolveMapping, type CsvFlavour, type ResolvedMapping } from '../geo/incident-parse/mapping.ts'
import type { ColumnMapping, ParseOptions } from '../geo/incident-parse/types.ts'
import type { Queryable } from '../db/types.ts'
import { findSavedMapping, type StoredMapping } from '../repos/imports.ts'
import { sniffCsv, type CsvSniff } from './sniff.ts'

/** Thrown for a file that cannot be read as CSV at all (empty, binary): the import refuses it. */
export class CsvSniffError extends Error {}

export interface CsvPlan {
  sniff: CsvSniff
  resolved: ResolvedMapping
  /** what the import records, and reuses next time */
  stored: StoredMapping
  headerKey: string
  /** the options the import runs with: given ones, else those of the reused mapping */
  options: Pick<ParseOptions, 'mapping' | 'threat'> & { dataset?: string; credit?: string }
}

/** Whether a mapping names any column or order. */
const hasMapping = (m: ColumnMapping | undefined) => m !== undefined && Object.values(m).some((v) => v !== undefined && v !== '')

/**
 * Plans a CSV import. `given` is what the request said (mapping, default threat, dataset,
 * credit); `format` 'auto' recognises the schema, 'csv' reads it as a generic CSV, 'iom' or
 * 'acled' forces that reader. With no mapping given, agency `agencyId`'s last user mapping for these headers is
 * reused. Throws CsvSniffError for an unreadable file, MappingError for a column not in the file.
 */
export async function planCsvImport(
  db: Queryable,
  given: { path: string; mapping?: ColumnMapping; threat?: string; dataset?: string; credit?: string },
  agencyId: number,
  format: Exclude<ImportFormat, 'geojson' | 'kml' | 'gpx'>,
): Promise<CsvPlan> {
  let sniff: CsvSniff
  try {
    sniff = await sniffCsv(given.path)
  } catch (err) {
    throw new CsvSniffError((err as Error).message)
  }
  const headerKey = hash53(headerSignature(sniff.header))
  const saved = hasMapping(given.mapping) ? null : await findSavedMapping(db, agencyId, headerKey)
  const user = saved?.mapping.user
  const options = {
    mapping: hasMapping(given.mapping) ? given.mapping : user?.mapping,
    threat: given.threat ?? user?.threat,
    dataset: given.dataset ?? user?.dataset,
    credit: given.credit ?? user?.credit,
  }
  const resolved = resolveMapping(sniff.header, sniff.sample, options.mapping, format === 'auto' ? undefined : (format as CsvFlavour))
  const chosen = hasMapping(options.mapping) || options.threat !== undefined || options.dataset !== undefined || options.credit !== undefined
  const stored: StoredMapping = {
    schema: resolved.schema,
    schema_label: resolved.schemaLabel,
    fields: mappingNames(sniff.header, resolved),
    date_form: resolved.dateForm,
    notes: resolved.notes,
    ...(chosen ? { user: { mapping: options.mapping ?? {}, threat: options.threat, dataset: options.dataset, credit: options.credit } } : {}),
    reused_from: saved?.id ?? null,
  }
  return { sniff, resolved, stored, headerKey, options }
}
