// Who is asking and what they may do: the viewer of a request, the permissions of each role and
// the ownership stamped on what they write. Pure: no I/O, no clock.

/** The ten member states of the secretariat (ISO 3166-1 alpha-3). */
export const MEMBER_STATES = ['MAR', 'DZA', 'TUN', 'LBY', 'EGY', 'MRT', 'MLI', 'NER', 'TCD', 'SDN'] as const
export type MemberState = (typeof MEMBER_STATES)[number]

/** Agency 1: the secretariat (no state). It owns the route catalogue, demo data and AUTH=off writes. */
export const SECRETARIAT_AGENCY_ID = 1

/** Who may read a record: the owner's state (national), plus partners (bilateral), every member (regional), anyone (public). */
export const SHARING_LEVELS = ['national', 'bilateral', 'regional', 'public'] as const
export type Sharing = (typeof SHARING_LEVELS)[number]

export const ROLES = ['viewer', 'analyst', 'planner', 'admin'] as const
export type Role = (typeof ROLES)[number]

/** read: any GET; export: downloads and static maps; share: saved views and embed tokens. */
export const PERMISSIONS = ['read', 'export', 'share', 'import', 'edit-routes', 'plan', 'admin'] as const
export type Permission = (typeof PERMISSIONS)[number]

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  viewer: ['read', 'export', 'share'],
  analyst: ['read', 'export', 'share', 'import', 'edit-routes'],
  planner: ['read', 'export', 'share', 'plan'],
  admin: PERMISSIONS,
}

export interface UserViewer {
  kind: 'user'
  userId: number
  username: string
  role: Role
  agencyId: number
  agencyName: string
  /** the agency's member state; null for the secretariat */
  state: string | null
  /** the token or session the request came with */
  tokenId: number
  credential: 'api' | 'session'
}

/** The reader of an embed: a signed token for one saved view, reading public rows only. */
export interface EmbedViewer {
  kind: 'embed'
  viewId: string
  /** the saved view's plan id, the one plan the embed may read */
  planId: number | null
}

/** local: AUTH=off on a loopback address, the one analyst of a laptop install; anonymous: no credential. */
export type Viewer = { kind: 'local' } | UserViewer | EmbedViewer | { kind: 'anonymous' }

/** The row-level-security settings a request's queries run with (server/db/scoped-db.ts). */
export type DbScope = { scope: 'member'; agencyId: number; state: string | null } | { scope: 'public' }

/** Whether the viewer may do what a permission covers. Embeds and anonymous readers only read, and only where a route allows them. */
export function mayDo(viewer: Viewer, permission: Permission): boolean {
  if (viewer.kind === 'local') return true
  if (viewer.kind === 'user') return ROLE_PERMISSIONS[viewer.role].includes(permission)
  return false
}

/** The permissions of a role, for /api/auth/me. */
export function permissionsOf(viewer: Viewer): Permission[] {
  return PERMISSIONS.filter((p) => mayDo(viewer, p))
}

/** The database scope of a viewer; null = unrestricted (AUTH=off). */
export function dbScopeOf(viewer: Viewer): DbScope | null {
  if (viewer.kind === 'local') return null
  if (viewer.kind === 'user') return { scope: 'member', agencyId: viewer.agencyId, state: viewer.state }
  return { scope: 'public' }
}

/** A short key naming what a scope may see, for caches and ETags: tiles differ per agency. */
export function scopeKey(scope: DbScope | null): string {
  if (scope === null) return 'all'
  return scope.scope === 'public' ? 'public' : `agency-${scope.agencyId}`
}

/** Who owns a record written by a viewer, and who may read it. */
export interface RecordOwner {
  agencyId: number
  state: string | null
  sharing: Sharing
  /** member states a bilateral record is shared with; empty otherwise */
  partners: string[]
}

/** Thrown for a sharing choice that cannot be stored; names the field. */
export class SharingError extends Error {
  constructor(readonly field: string, message: string) {
    super(message)
  }
}

/** The owner of what a viewer writes (the local analyst writes for the secretariat), with the sharing asked for. */
export function recordOwner(viewer: Viewer, sharing: Sharing, partners: readonly string[] = []): RecordOwner {
  const agency = viewer.kind === 'user' ? { agencyId: viewer.agencyId, state: viewer.state } : { agencyId: SECRETARIAT_AGENCY_ID, state: null }
  return agencyOwner(agency, sharing, partners)
}

/**
 * The owner of what is written for an agency (of `state`), shared at `sharing`. Bilateral needs
 * partners (other member states); other levels take none.
 */
export function agencyOwner(agency: { agencyId: number; state: string | null }, sharing: Sharing, partners: readonly string[] = []): RecordOwner {
  const unique = [...new Set(partners.map((p) => p.trim().toUpperCase()).filter((p) => p !== ''))]
  for (const p of unique) {
    if (!(MEMBER_STATES as readonly string[]).includes(p)) throw new SharingError('partners', `partners must be member states (${MEMBER_STATES.join(', ')}), got "${p}"`)
  }
  if (sharing === 'bilateral') {
    const others = unique.filter((p) => p !== agency.state)
    if (others.length === 0) throw new SharingError('partners', 'bilateral sharing needs at least one partner state other than your own')
    return { agencyId: agency.agencyId, state: agency.state, sharing, partners: others.sort() }
  }
  if (unique.length > 0) throw new SharingError('partners', `partners apply to bilateral sharing only, not ${sharing}`)
  return { agencyId: agency.agencyId, state: agency.state, sharing, partners: [] }
}

/** The owner as SQL parameters, in the order every insert takes them: owner_agency, owner_state, sharing, partners. */
export function ownerParams(owner: RecordOwner): [number, string | null, Sharing, string[]] {
  return [owner.agencyId, owner.state, owner.sharing, owner.partners]
}

/** Who owns what is written with AUTH=off, by scripts and by the demo seed: the secretariat. */
export function secretariatOwner(sharing: Sharing = 'regional'): RecordOwner {
  return { agencyId: SECRETARIAT_AGENCY_ID, state: null, sharing, partners: [] }
}
