// The known source schemas, one table row each, and the scored match that recognises a file's
// schema from its header. A row lists the schema's documented header (its signals) and which of
// those columns plays each mapped field; a file matches the row whose header it carries the
// largest share of, extra or reordered columns notwithstanding. The next schema is one more row.
import { findColumn, headerKey } from './fields.ts'
import type { MappedField } from './types.ts'

export interface KnownSchema {
  /** stable id, stored with each import */
  id: string
  /** what the mapping step shows */
  label: string
  /** the row mapper that reads it */
  format: 'iom' | 'acled'
  /** the schema's documented header: each column present is one signal */
  header: readonly string[]
  /** which column of `header` plays each field */
  fields: Partial<Record<MappedField, string>>
  /**
   * columns that name the source on their own: a file with all of them is this schema however few
   * of its other columns it keeps (a cut ACLED export is still ACLED, and its terms go with it)
   */
  fingerprint?: readonly string[]
}

const IOM_CURRENT = [
  'Main ID', 'Incident ID', 'Incident Type', 'Region of Incident', 'Incident Date', 'Incident Year', 'Month', 'Number of Dead',
  'Minimum Estimated Number of Missing', 'Total Number of Dead and Missing', 'Number of Survivors', 'Number of Females', 'Number of Males',
  'Number of Children', 'Country of Origin', 'Region of Origin', 'Cause of Death', 'Country of Incident', 'Migration Route',
  'Location of Incident', 'Coordinates', 'UNSD Geographical Grouping', 'Information Source', 'URL', 'Source Quality',
]
const IOM_2014_2021 = [
  'Web ID', 'Region', 'Reported Date', 'Reported Year', 'Reported Month', 'Number Dead', 'Minimum Estimated Number of Missing',
  'Total Dead and Missing', 'Number of Survivors', 'Number of Females', 'Number of Males', 'Number of Children', 'Cause of Death',
  'Location Description', 'Information Source', 'Location Coordinates', 'Migration Route', 'URL', 'UNSD Geographical Grouping', 'Source Quality',
]
const IOM_MIRROR = [
  'Incident Type', 'Incident year', 'Reported Month', 'Region of Origin', 'Region of Incident', 'Country of Origin', 'Number of Dead',
  'Minimum Estimated Number of Missing', 'Total Number of Dead and Missing', 'Number of Survivors', 'Number of Females', 'Number of Males',
  'Number of Children', 'Cause of Death', 'Migration route', 'Location of death', 'Information Source', 'Coordinates', 'UNSD Geographical Grouping',
]
const ACLED_STANDARD = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1', 'assoc_actor_1', 'inter1',
  'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location',
  'latitude', 'longitude', 'geo_precision', 'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
]
const ACLED_OLDER = [
  'data_id', 'iso', 'event_id_cnty', 'event_id_no_cnty', 'event_date', 'year', 'time_precision', 'event_type', 'sub_event_type', 'actor1',
  'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location',
  'latitude', 'longitude', 'geo_precision', 'source', 'source_scale', 'notes', 'fatalities', 'timestamp', 'iso3',
]
/** ACLED's own event ids and event types: no other source writes both. */
const ACLED_FINGERPRINT = ['event_id_cnty', 'event_type']
const ACLED_FIELDS = { id: 'event_id_cnty', lat: 'latitude', lng: 'longitude', date: 'event_date', category: 'event_type', dead: 'fatalities' }

/** Every schema the importer knows, most specific first (ties go to the earlier row). */
export const KNOWN_SCHEMAS: readonly KnownSchema[] = [
  {
    id: 'iom-current',
    label: 'IOM Missing Migrants, current official export (25 columns)',
    format: 'iom',
    header: IOM_CURRENT,
    fields: { id: 'Incident ID', coordinates: 'Coordinates', date: 'Incident Date', year: 'Incident Year', month: 'Month', dead: 'Number of Dead', missing: 'Minimum Estimated Number of Missing' },
  },
  {
    id: 'iom-2014-2021',
    label: 'IOM Missing Migrants, official export 2014–2021 (Web ID, Reported Date, Location Coordinates)',
    format: 'iom',
    header: IOM_2014_2021,
    fields: { id: 'Web ID', coordinates: 'Location Coordinates', date: 'Reported Date', year: 'Reported Year', month: 'Reported Month', dead: 'Number Dead', missing: 'Minimum Estimated Number of Missing' },
  },
  {
    id: 'iom-mirror',
    label: 'IOM Missing Migrants, public mirror (19 columns, year + month)',
    format: 'iom',
    header: IOM_MIRROR,
    fields: { coordinates: 'Coordinates', year: 'Incident year', month: 'Reported Month', dead: 'Number of Dead', missing: 'Minimum Estimated Number of Missing' },
  },
  {
    id: 'iom-dated',
    label: 'IOM Missing Migrants, dated cut (Reported Date, total, Coordinates)',
    format: 'iom',
    header: ['Reported Date', 'Total Number of Dead and Missing', 'Coordinates'],
    fields: { coordinates: 'Coordinates', date: 'Reported Date' },
  },
  { id: 'acled', label: 'ACLED events, standard export (31 columns)', format: 'acled', header: ACLED_STANDARD, fields: ACLED_FIELDS, fingerprint: ACLED_FINGERPRINT },
  { id: 'acled-older', label: 'ACLED events, older export (data_id, event_id_no_cnty, iso3)', format: 'acled', header: ACLED_OLDER, fields: ACLED_FIELDS, fingerprint: ACLED_FINGERPRINT },
]

/** Below this share of its header present, a file is not taken for a schema (a cut of 9 of the mirror's 19 columns still is). */
export const MIN_SCHEMA_SCORE = 0.4

export interface SchemaMatch {
  schema: KnownSchema
  /** share of the schema's header present in the file, 0..1 */
  score: number
}

/**
 * The known schema a header matches best (names compared case-, space- and punctuation-
 * insensitively), or null: it must carry at least MIN_SCHEMA_SCORE of the schema's columns (or
 * all of its fingerprint) and every column the schema takes its coordinates and date from
 * (unless needColumns is false).
 */
export function detectSchema(header: readonly string[], schemas: readonly KnownSchema[] = KNOWN_SCHEMAS, minScore = MIN_SCHEMA_SCORE, needColumns = true): SchemaMatch | null {
  const keys = new Set(header.map(headerKey).filter((k) => k !== ''))
  let best: SchemaMatch | null = null
  for (const schema of schemas) {
    const score = schema.header.filter((h) => keys.has(headerKey(h))).length / schema.header.length
    const fingerprinted = schema.fingerprint !== undefined && schema.fingerprint.every((h) => keys.has(headerKey(h)))
    if ((score < minScore && !fingerprinted) || (best && score <= best.score)) continue
    const has = (f: MappedField) => schema.fields[f] !== undefined && findColumn(header, [schema.fields[f]!]) >= 0
    const located = has('coordinates') || (has('lat') && has('lng'))
    const dated = has('date') || has('year')
    if ((located && dated) || !needColumns) best = { schema, score }
  }
  return best
}
