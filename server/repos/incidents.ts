// Incidents: batched writes for the importer and GeoJSON reads for the API.
import { ownerParams, type RecordOwner } from '../../shared/access.ts'
import type { Feature, Point } from 'geojson'
import { sqlFile } from '../db/sql-files.ts'
import type { Db, Queryable, Tx } from '../db/types.ts'

export interface IncidentFilter {
  /** [west, south, east, north] in degrees */
  bbox?: [number, number, number, number]
  /** inclusive ISO dates */
  from?: string
  to?: string
  threats?: string[]
  sources?: string[]
  routeFamilies?: string[]
  /** provenance: 'local' (made here) or the ISO3 of the member state whose partners sent it */
  origin?: string
}

/** Positional SQL parameters of a filter: bbox ×4, from, to, threats, sources, route families. */
export function filterParams(f: IncidentFilter): unknown[] {
  const [w, s, e, n] = f.bbox ?? [null, null, null, null]
  return [w, s, e, n, f.from ?? null, f.to ?? null, f.threats ?? null, f.sources ?? null, f.routeFamilies ?? null]
}

/**
 * The origin filter's SQL parameter ('local', an ISO3 or null), appended after each query's other
 * parameters: `($n::text IS NULL OR ($n = 'local' AND origin_instance IS NULL) OR origin_state = $n)`.
 * The cell rollup has no origin dimension: an origin filter always reads the rows.
 */
export function originParam(f: IncidentFilter): string | null {
  return f.origin ?? null
}

/** Whether any incident is stored (demo seeding runs only on an empty table). */
export async function anyIncidents(db: Db): Promise<boolean> {
  const [row] = await db.query<{ any: boolean }>(sqlFile('incidents/any'))
  return row.any
}

/** Whether an agency's dataset has no incidents yet, so its import cannot conflict and may COPY directly. */
export async function datasetEmpty(tx: Queryable, dataset: string, agencyId: number): Promise<boolean> {
  const [row] = await tx.query<{ empty: boolean }>(sqlFile('incidents/dataset-empty'), [dataset, agencyId])
  return row.empty
}

/** Upserts a batch given as JSON arrays (see sql/incidents/upsert-batch.sql); returns the counts. */
export async function upsertIncidentBatch(tx: Queryable, dataset: string, importId: number, owner: RecordOwner, rowsJson: string): Promise<{ inserted: number; updated: number }> {
  const [row] = await tx.query<{ inserted: number; updated: number }>(sqlFile('incidents/upsert-batch'), [rowsJson, importId, dataset, ...ownerParams(owner)])
  return row
}

/** Creates the transaction's COPY staging table (server driver). */
export async function createStaging(tx: Tx): Promise<void> {
  await tx.query(sqlFile('incidents/create-staging'))
}

/** COPYs a batch (text format lines) into staging and upserts it; returns the counts (server driver). */
export async function copyMergeBatch(tx: Tx, dataset: string, importId: number, owner: RecordOwner, copyText: string): Promise<{ inserted: number; updated: number }> {
  await tx.copyFrom!(sqlFile('incidents/copy-staging'), copyText)
  const [row] = await tx.query<{ inserted: number; updated: number }>(sqlFile('incidents/merge-staging'), [dataset, importId, ...ownerParams(owner)])
  await tx.query(sqlFile('incidents/clear-staging'))
  return row
}

/** COPYs a batch (text format lines that start with dataset, import id and owner columns) straight into incidents. */
export async function copyDirectBatch(tx: Tx, copyText: string): Promise<void> {
  await tx.copyFrom!(sqlFile('incidents/copy-direct'), copyText)
}

interface IncidentRow {
  id: number
  lng: number
  lat: number
  [key: string]: unknown
}

export type IncidentFeature = Feature<Point, Record<string, unknown>> & { id: number }

/** A page of incidents, newest first, after the keyset (date, id); limit + 1 rows tell if more follow. */
export async function listIncidents(
  db: Db,
  filter: IncidentFilter & { importId?: number },
  limit: number,
  after: { date: string; id: number } | null,
): Promise<IncidentFeature[]> {
  const rows = await db.query<IncidentRow>(sqlFile('incidents/list'), [
    ...filterParams(filter),
    filter.importId ?? null,
    limit,
    after?.date ?? null,
    after?.id ?? null,
    originParam(filter),
  ])
  return rows.map(toFeature)
}

/** One incident by id, or null. */
export async function getIncident(db: Db, id: number): Promise<IncidentFeature | null> {
  const [row] = await db.query<IncidentRow>(sqlFile('incidents/get'), [id])
  return row ? toFeature(row) : null
}

function toFeature({ lng, lat, ...props }: IncidentRow): IncidentFeature {
  const id = Number(props.id)
  return { type: 'Feature', id, properties: { ...props, id }, geometry: { type: 'Point', coordinates: [lng, lat] } }
}
