// Agencies, users, tokens and sessions. Runs on the service's own connection (never the
// request-scoped one): the request role cannot read credentials at all.
import type { Role, UserViewer } from '../../shared/access.ts'
import { sqlFile } from '../db/sql-files.ts'
import type { Queryable } from '../db/types.ts'

export interface Agency {
  id: number
  name: string
  state: string | null
}

export interface UserRecord {
  id: number
  username: string
  role: Role
  agency_id: number
  agency_name: string
  state: string | null
  expires_at: string | null
  revoked_at: string | null
  created_at: string
}

export interface TokenRecord {
  id: number
  label: string
  created_at: string
  expires_at: string
  revoked_at: string | null
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? null : String(v))

function user(row: Record<string, unknown>): UserRecord {
  return {
    id: Number(row.id),
    username: String(row.username),
    role: row.role as Role,
    agency_id: Number(row.agency_id),
    agency_name: String(row.agency_name),
    state: (row.state as string | null) ?? null,
    expires_at: iso(row.expires_at),
    revoked_at: iso(row.revoked_at),
    created_at: iso(row.created_at)!,
  }
}

/** The user behind a live token or session hash, as a request viewer; null if none is live. */
export async function viewerByTokenHash(db: Queryable, hash: string): Promise<UserViewer | null> {
  const [row] = await db.query<Record<string, unknown>>(sqlFile('auth/viewer-by-token'), [hash])
  if (!row) return null
  return {
    kind: 'user',
    userId: Number(row.user_id),
    username: String(row.username),
    role: row.role as Role,
    agencyId: Number(row.agency_id),
    agencyName: String(row.agency_name),
    state: (row.state as string | null) ?? null,
    tokenId: Number(row.token_id),
    credential: row.kind === 'session' ? 'session' : 'api',
  }
}

/** The active user of a login name with its password hash, or null. */
export async function loginUser(db: Queryable, username: string): Promise<{ id: number; passwordHash: string | null } | null> {
  const [row] = await db.query<{ id: number; password_hash: string | null }>(sqlFile('auth/login-user'), [username])
  return row ? { id: Number(row.id), passwordHash: row.password_hash } : null
}

/** Stores a token or session hash for a user; returns its id and expiry. */
export async function insertToken(db: Queryable, userId: number, kind: 'api' | 'session', hash: string, label: string, expiresAt: Date): Promise<{ id: number; expires_at: string }> {
  const [row] = await db.query<{ id: number; expires_at: unknown }>(sqlFile('auth/insert-token'), [userId, kind, hash, label, expiresAt])
  return { id: Number(row.id), expires_at: iso(row.expires_at)! }
}

/** Revokes a token of an agency's user (agencyId null: any); false when there was none to revoke. */
export async function revokeToken(db: Queryable, tokenId: number, agencyId: number | null): Promise<boolean> {
  return (await db.query(sqlFile('auth/revoke-token'), [tokenId, agencyId])).length > 0
}

/** Ends a web session (logout). */
export async function revokeSession(db: Queryable, hash: string): Promise<void> {
  await db.query(sqlFile('auth/revoke-session'), [hash])
}

export async function insertAgency(db: Queryable, name: string, state: string | null): Promise<Agency> {
  const [row] = await db.query<Agency>(sqlFile('auth/insert-agency'), [name, state])
  return { ...row, id: Number(row.id) }
}

export async function listAgencies(db: Queryable): Promise<Agency[]> {
  return (await db.query<Agency>(sqlFile('auth/list-agencies'))).map((a) => ({ ...a, id: Number(a.id) }))
}

export async function agencyByName(db: Queryable, name: string): Promise<Agency | null> {
  const [row] = await db.query<Agency>(sqlFile('auth/agency-by-name'), [name])
  return row ? { ...row, id: Number(row.id) } : null
}

export async function insertUser(db: Queryable, u: { agencyId: number; username: string; role: Role; passwordHash: string | null; expiresAt: Date | null }): Promise<UserRecord> {
  const [row] = await db.query<Record<string, unknown>>(sqlFile('auth/insert-user'), [u.agencyId, u.username, u.role, u.passwordHash, u.expiresAt])
  return user(row)
}

/** The users of an agency (null: all). */
export async function listUsers(db: Queryable, agencyId: number | null): Promise<UserRecord[]> {
  return (await db.query<Record<string, unknown>>(sqlFile('auth/list-users'), [agencyId])).map(user)
}

export async function userByName(db: Queryable, username: string): Promise<UserRecord | null> {
  const [row] = await db.query<Record<string, unknown>>(sqlFile('auth/user-by-name'), [username])
  return row ? user(row) : null
}

/** Changes a user of an agency (agencyId null: any); null when there is no such user there. */
export async function updateUser(
  db: Queryable,
  id: number,
  agencyId: number | null,
  change: { role?: Role; revoked?: boolean; expiresAt?: Date | null },
): Promise<UserRecord | null> {
  const [row] = await db.query<Record<string, unknown>>(sqlFile('auth/update-user'), [
    id,
    agencyId,
    change.role ?? null,
    change.revoked ?? null,
    change.expiresAt ?? null,
    change.expiresAt === null,
  ])
  return row ? user(row) : null
}

export async function listTokens(db: Queryable, userId: number): Promise<TokenRecord[]> {
  const rows = await db.query<Record<string, unknown>>(sqlFile('auth/list-tokens'), [userId])
  return rows.map((r) => ({ id: Number(r.id), label: String(r.label), created_at: iso(r.created_at)!, expires_at: iso(r.expires_at)!, revoked_at: iso(r.revoked_at) }))
}

/** The key embed tokens are signed with. */
export async function embedKey(db: Queryable): Promise<string> {
  const [row] = await db.query<{ secret: string }>(sqlFile('auth/embed-key'))
  return row.secret
}
