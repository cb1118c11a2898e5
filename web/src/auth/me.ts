// Who the page is signed in as, as `GET /api/auth/me` answers, and what that lets the UI offer.
// Pure, so what each role sees is tested without a browser.

import type { Permission, Role } from '../../../shared/access.ts'

/** `GET /api/auth/me`: local (AUTH=off, no sign-in), a signed-in user, or an embed token. */
export interface Me {
  mode: 'local' | 'user' | 'embed'
  user?: { id: number; username: string; role: Role; agency: { id: number; name: string; state: string | null } }
  /** the saved view an embed token opens */
  view?: string
  permissions: Permission[]
}

/** Whether the signed-in viewer may do what `permission` covers (local mode: everything). */
export function mayDo(me: Me, permission: Permission): boolean {
  return me.permissions.includes(permission)
}

/** `username · agency` for the header; null in local mode, where nobody signs in. */
export function accountLabel(me: Me): string | null {
  return me.mode === 'user' && me.user ? `${me.user.username} · ${me.user.agency.name}` : null
}

/** The member state of the viewer's agency (ISO3), or null (the secretariat, or local mode). */
export function ownState(me: Me): string | null {
  return me.user?.agency.state ?? null
}

/**
 * Whether embed codes carry a signed token: with AUTH=on an embed's readers have no account, so
 * the code must bring its own key; in local mode the plain `/embed/<id>` works on this machine.
 */
export function embedsNeedToken(me: Me): boolean {
  return me.mode === 'user' && mayDo(me, 'share')
}
