// Exchange between deployments: this instance's identity, its partners, the bundles sent and
// merged, and the export and merge queries of server/sql/exchange/. Runs on the service's own
// connection: the exchange rules (server/exchange/rules.ts), not a viewer's scope, decide.
import { sqlFile } from '../db/sql-files.ts'
import type { Queryable, Tx } from '../db/types.ts'
import { filterParams, originParam, type IncidentFilter } from './incidents.ts'

export interface Identity {
  instance_id: string
  state_iso3: string | null
  agency_name: string | null
  public_key: string | null
}

export interface Partner {
  id: number
  name: string
  instance_id: string
  state_iso3: string
  agency_id: number
  agency_name: string
  public_key: string
  levels: string[]
  url: string | null
  pull_token?: string | null
  has_pull_token?: boolean
  sent_sequence: number
  received_sequence: number
  pull_cursor: number
}

export interface NewPartner {
  name: string
  instanceId: string
  state: string
  agencyId: number
  publicKey: string
  levels: string[]
  url: string | null
  pullToken: string | null
}

/** This instance's identity, or null before the first start. */
export async function getIdentity(db: Queryable): Promise<Identity | null> {
  const [row] = await db.query<Identity>(sqlFile('exchange/identity-get'))
  return row ?? null
}

/** Creates the identity row with a new instance id unless one exists. */
export async function insertIdentity(db: Queryable, instanceId: string): Promise<void> {
  await db.query(sqlFile('exchange/identity-insert'), [instanceId])
}

/** Records the public key of the instance's key pair. */
export async function setIdentityKey(db: Queryable, publicKey: string): Promise<void> {
  await db.query(sqlFile('exchange/identity-set-key'), [publicKey])
}

/** Sets the state (ISO3) and agency name the instance speaks for. */
export async function setIdentity(db: Queryable, state: string, agencyName: string): Promise<void> {
  await db.query(sqlFile('exchange/identity-set'), [state, agencyName])
}

function partnerRow(row: Partner): Partner {
  return { ...row, id: Number(row.id), agency_id: Number(row.agency_id), sent_sequence: Number(row.sent_sequence), received_sequence: Number(row.received_sequence), pull_cursor: Number(row.pull_cursor) }
}

/** Registers a partner; returns its id. Throws the database error 23505 when the name or instance is taken. */
export async function insertPartner(db: Queryable, p: NewPartner): Promise<number> {
  const [row] = await db.query<{ id: number }>(sqlFile('exchange/partner-insert'), [p.name, p.instanceId, p.state, p.agencyId, p.publicKey, p.levels, p.url, p.pullToken])
  return Number(row.id)
}

/** Changes a partner's key and levels (null: kept) and, when `pull` is given, its pull URL and token; false when there is no such partner. */
export async function updatePartner(db: Queryable, name: string, c: { publicKey: string | null; levels: string[] | null; pull?: { url: string | null; token: string | null } }): Promise<boolean> {
  const rows = await db.query(sqlFile('exchange/partner-update'), [name, c.publicKey, c.levels, c.pull !== undefined, c.pull?.url ?? null, c.pull?.token ?? null])
  return rows.length > 0
}

/** Removes a partner (its records and bundle history stay); its local agency id, or null when there is none. */
export async function deletePartner(db: Queryable, name: string): Promise<{ agencyId: number } | null> {
  const [row] = await db.query<{ agency_id: number }>(sqlFile('exchange/partner-delete'), [name])
  return row ? { agencyId: Number(row.agency_id) } : null
}

/** Revokes the API tokens of user `username` of the agency (a removed partner's pull user); how many. */
export async function revokePullTokens(db: Queryable, agencyId: number, username: string): Promise<number> {
  return (await db.query(sqlFile('exchange/revoke-pull-tokens'), [agencyId, username])).length
}

/** Every partner, by name, without pull tokens. */
export async function listPartners(db: Queryable): Promise<Partner[]> {
  return (await db.query<Partner>(sqlFile('exchange/partner-list'))).map(partnerRow)
}

/** A partner by name or by instance id (with its pull token), or null. */
export async function getPartner(db: Queryable, by: { name?: string; instanceId?: string }): Promise<Partner | null> {
  const [row] = await db.query<Partner>(sqlFile('exchange/partner-get'), [by.name ?? null, by.instanceId ?? null])
  return row ? partnerRow(row) : null
}

/** The partner a local agency stands for (its users' tokens pull its changes), or null. */
export async function partnerByAgency(db: Queryable, agencyId: number): Promise<Partner | null> {
  const [row] = await db.query<Partner>(sqlFile('exchange/partner-by-agency'), [agencyId])
  return row ? partnerRow(row) : null
}

/** Locks a partner for a merge (inside the merge's transaction); returns the last sequence merged from it. */
export async function lockPartner(tx: Queryable, partnerId: number): Promise<number> {
  const [row] = await tx.query<{ received_sequence: number }>(sqlFile('exchange/partner-lock'), [partnerId])
  return Number(row.received_sequence)
}

/** Takes the next sequence number for a bundle to a partner. */
export async function nextSequence(tx: Queryable, partnerId: number): Promise<number> {
  const [row] = await tx.query<{ sent_sequence: number }>(sqlFile('exchange/partner-next-sequence'), [partnerId])
  return Number(row.sent_sequence)
}

/** After a merge: the partner's sequence and change cursor. */
export async function markReceived(tx: Queryable, partnerId: number, sequence: number, cursor: number): Promise<void> {
  await tx.query(sqlFile('exchange/partner-received'), [partnerId, sequence, cursor])
}

/** A bundle already recorded (sent or merged), or null. */
export async function findBundle(db: Queryable, bundleId: string): Promise<{ direction: string; sequence: number; counts: Record<string, number> } | null> {
  const [row] = await db.query<{ direction: string; sequence: number; counts: Record<string, number> }>(sqlFile('exchange/bundle-find'), [bundleId])
  return row ? { ...row, sequence: Number(row.sequence) } : null
}

/** Records a bundle sent or merged. */
export async function recordBundle(tx: Queryable, b: { bundleId: string; partnerId: number; direction: 'in' | 'out'; sequence: number; created: string; counts: Record<string, number> }): Promise<void> {
  await tx.query(sqlFile('exchange/bundle-insert'), [b.bundleId, b.partnerId, b.direction, b.sequence, b.created, JSON.stringify(b.counts)])
}

/** The latest change number handed out: an export covers changes up to it. */
export async function currentCursor(db: Queryable): Promise<number> {
  const [row] = await db.query<{ cursor: number }>(sqlFile('exchange/cursor-now'))
  return Number(row.cursor)
}

export type ExportKind = 'imports' | 'incidents' | 'routes' | 'plans' | 'tombstones'

/** Who the export is for and which changes: the shared parameters of sql/exchange/export-*.sql. */
export interface ExportScope {
  partnerState: string
  levels: string[]
  partnerInstance: string
  selfInstance: string
  selfState: string
  selfAgency: string
  afterCursor: number
  uptoCursor: number
  since: Date | null
}

/** One page (by change number, after `after`) of bundle lines of a kind for a partner. */
export async function exportPage(
  db: Queryable,
  kind: ExportKind,
  s: ExportScope,
  after: number,
  limit: number,
  excluded: { formats: readonly string[]; datasets: readonly string[] },
): Promise<{ change_seq: number; line: string; dataset?: string }[]> {
  const params: unknown[] = [s.partnerState, s.levels, s.partnerInstance, s.selfInstance, s.selfState, s.selfAgency, after, s.uptoCursor, s.since, limit]
  if (kind === 'imports' || kind === 'incidents') params.push(excluded.formats, excluded.datasets)
  const rows = await db.query<{ change_seq: number; line: string; dataset?: string }>(sqlFile(`exchange/export-${kind}`), params)
  return rows.map((r) => ({ ...r, change_seq: Number(r.change_seq) }))
}

/** The credit lines of datasets, as bundle lines. */
export async function exportSources(db: Queryable, datasets: string[]): Promise<string[]> {
  return (await db.query<{ line: string }>(sqlFile('exchange/export-sources'), [datasets])).map((r) => r.line)
}

/** Adds the credit lines of datasets a bundle brings (known datasets keep theirs). */
export async function mergeSources(tx: Queryable, linesJson: string): Promise<void> {
  await tx.query(sqlFile('exchange/merge-sources'), [linesJson])
}

/** Merges a batch of import or plan lines (JSON array text); returns the counts. */
export async function mergeBatch(tx: Queryable, kind: 'imports' | 'plans', linesJson: string, agencies: string): Promise<{ inserted: number; updated: number }> {
  const [row] = await tx.query<{ inserted: number; updated: number }>(sqlFile(`exchange/merge-${kind}`), [linesJson, agencies])
  return row
}

/** The local ids of imports received from these origin instances, keyed "instance|origin id". */
export async function originImports(tx: Queryable, origins: string[]): Promise<Map<string, number>> {
  const rows = await tx.query<{ origin_instance: string; origin_id: string; id: number }>(sqlFile('exchange/origin-imports'), [origins])
  return new Map(rows.map((r) => [`${r.origin_instance}|${r.origin_id}`, Number(r.id)]))
}

/** The temporary table a merge stages a bundle's incidents in (sql/exchange/create-incident-staging.sql). */
const INCIDENT_STAGING = 'incident_merge_staging'

/** Creates the merge transaction's staging table for incidents (both drivers). */
export async function createIncidentStaging(tx: Tx): Promise<void> {
  await tx.query(sqlFile('exchange/create-incident-staging'))
}

/** COPYs incident lines (text format, in the staging table's column order) into the staging table. */
export async function stageIncidents(tx: Tx, copyText: string): Promise<void> {
  if (!tx.copyIn) throw new Error('the driver cannot COPY in')
  await tx.copyIn(INCIDENT_STAGING, copyText)
}

/** Merges the staged incidents into incidents in one statement; returns the counts. */
export async function mergeStagedIncidents(tx: Queryable): Promise<{ inserted: number; updated: number }> {
  const [row] = await tx.query<{ inserted: number; updated: number }>(sqlFile('exchange/merge-incident-staging'))
  return row
}

/** Applies incident or plan tombstones (JSON array text); returns how many rows went. */
export async function applyTombstones(tx: Queryable, kind: 'incidents' | 'plans', linesJson: string): Promise<number> {
  const [row] = await tx.query<{ deleted: number }>(sqlFile(`exchange/delete-${kind}`), [linesJson])
  return row.deleted
}

/** The local route received as (origin instance, origin id), or null. */
export async function routeByOrigin(tx: Queryable, originInstance: string, originId: string): Promise<{ id: string; origin_version: number; deleted: boolean } | null> {
  const [row] = await tx.query<{ id: string; origin_version: number; deleted: boolean }>(sqlFile('exchange/route-by-origin'), [originInstance, originId])
  return row ? { ...row, origin_version: Number(row.origin_version) } : null
}

/** Creates a received route under a local id. */
export async function insertReceivedRoute(tx: Queryable, id: string, lineJson: string, agencyId: number): Promise<void> {
  await tx.query(sqlFile('exchange/route-insert'), [id, lineJson, agencyId])
}

/** Replaces a received route when the line is newer; whether it did. */
export async function updateReceivedRoute(tx: Queryable, id: string, lineJson: string): Promise<boolean> {
  return (await tx.query(sqlFile('exchange/route-update'), [id, lineJson])).length > 0
}

/** Marks a received route deleted when its version is older than the tombstone's; its id or null. */
export async function deleteReceivedRoute(tx: Queryable, originInstance: string, originId: string, version: number): Promise<string | null> {
  const [row] = await tx.query<{ id: string }>(sqlFile('exchange/route-delete'), [originInstance, originId, version])
  return row?.id ?? null
}

/** Copies a received route's current state into its history (create | update | delete). */
export async function recordRouteVersion(tx: Queryable, id: string, change: 'create' | 'update' | 'delete'): Promise<void> {
  await tx.query(sqlFile('routes/record-version'), [id, change])
}

/** Credit lines naming the partner agencies that shared incidents matching a filter (static maps). */
export async function originCredits(db: Queryable, filter: IncidentFilter): Promise<{ dataset: string; credit: string; url: string | null }[]> {
  return db.query(sqlFile('exchange/origin-credits'), [...filterParams(filter), originParam(filter)])
}
