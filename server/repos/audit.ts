// The audit log: who imported, edited, exported and planned what. Written on the service's own
// connection after the action succeeded; read by admins.
import type { Viewer } from '../../shared/access.ts'
import { sqlFile } from '../db/sql-files.ts'
import type { Queryable } from '../db/types.ts'

export interface AuditEntry {
  id: number
  at: string
  user_id: number | null
  username: string
  agency_id: number | null
  action: string
  target: string
  detail: Record<string, unknown>
}

/** Appends what a viewer did; embeds and anonymous readers change nothing and are not audited. */
export async function audit(db: Queryable, viewer: Viewer, action: string, target: string, detail: Record<string, unknown> = {}): Promise<void> {
  const who = viewer.kind === 'user' ? [viewer.userId, viewer.username, viewer.agencyId] : [null, viewer.kind, null]
  await db.query(sqlFile('audit/insert'), [...who, action, target, JSON.stringify(detail)])
}

/** The newest entries of an agency (null: all), before an id for paging. */
export async function listAudit(db: Queryable, agencyId: number | null, limit: number, beforeId: number | null): Promise<AuditEntry[]> {
  const rows = await db.query<AuditEntry>(sqlFile('audit/list'), [agencyId, limit, beforeId])
  return rows.map((r) => ({ ...r, id: Number(r.id), at: (r.at as unknown) instanceof Date ? (r.at as unknown as Date).toISOString() : String(r.at), user_id: r.user_id === null ? null : Number(r.user_id), agency_id: r.agency_id === null ? null : Number(r.agency_id) }))
}
