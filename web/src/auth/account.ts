// The header's account block when signed in (AUTH=on): who, for which agency, and Sign out.
// In local mode the block stays hidden and the header is as it always was.

import { h } from '../ui/dom.ts'
import { setStatus } from '../ui/page-chrome.ts'
import { LOCALE } from '../ui/strings.ts'
import { logout } from './auth-api.ts'
import { accountLabel, type Me } from './me.ts'
import { authStrings } from './strings.ts'

/** Fills `container` (index.html's #account) for `me`; signing out reloads the page, which then asks to sign in. */
export function renderAccount(container: HTMLElement, me: Me): void {
  const label = accountLabel(me)
  if (label === null || !me.user) {
    container.hidden = true
    return
  }
  const t = authStrings(LOCALE)
  const role = t.roles[me.user.role] ?? me.user.role
  // The label may be cut short in a narrow header: the tooltip has it whole, with the role.
  const name = h('span', { class: 'account-name', id: 'account-name', title: `${label}\n${t.role(role)}`, dir: 'auto' }, label)
  const signOut = h('button', { type: 'button', class: 'header-button', id: 'sign-out' }, t.signOut)
  signOut.addEventListener('click', async () => {
    signOut.disabled = true
    try {
      await logout()
      // A reload drops every record the page holds and shows the sign-in form.
      location.reload()
    } catch (error) {
      signOut.disabled = false
      setStatus(t.signOutFailed(error instanceof Error ? error.message : String(error)), true)
    }
  })
  container.setAttribute('role', 'group')
  container.setAttribute('aria-label', t.account)
  container.replaceChildren(name, signOut)
  container.hidden = false
}
