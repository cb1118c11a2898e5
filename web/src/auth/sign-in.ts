// The sign-in page (AUTH=on): a form in place of the map, in the page's language and direction.
// Nothing of the map is built, and no map data is asked for, until a sign-in succeeds. When the
// session ends while the app is open, the form comes back over it, and a sign-in reloads the page
// at the same URL, where the map state lives.

import { LANGUAGES, type Language } from '../../../shared/map-state.ts'
import { ApiError } from '../api.ts'
import { h } from '../ui/dom.ts'
import { LOCALE, S } from '../ui/strings.ts'
import { login } from './auth-api.ts'
import type { Me } from './me.ts'
import { authStrings } from './strings.ts'

export interface SignInOptions {
  /** The app's main area, hidden while the form shows. */
  app: HTMLElement
  /** The user picked another language: the page reloads in it. */
  onLanguage(lang: Language): void
  /** Why the form shows, above the fields (e.g. the session has ended). */
  notice?: string
  /** The username to fill in. */
  username?: string
}

/** Shows the form in place of `app`; resolves with the signed-in viewer once the service accepts a sign-in. */
export function showSignIn(options: SignInOptions): Promise<Me> {
  const t = authStrings(LOCALE)
  const username = h('input', { type: 'text', id: 'sign-in-username', name: 'username', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', required: true, maxlength: '64', dir: 'auto', 'aria-describedby': 'sign-in-error' })
  const password = h('input', { type: 'password', id: 'sign-in-password', name: 'password', autocomplete: 'current-password', required: true, maxlength: '1024', 'aria-describedby': 'sign-in-error' })
  const error = h('p', { class: 'sign-in-error', id: 'sign-in-error', role: 'alert', hidden: true })
  const notice = h('p', { class: 'sign-in-notice', id: 'sign-in-notice', role: 'alert', hidden: options.notice === undefined }, options.notice ?? '')
  const submit = h('button', { type: 'submit', class: 'tool-button is-primary', id: 'sign-in-submit' }, t.signIn)
  const language = h('select', { id: 'sign-in-language', class: 'sign-in-language', 'aria-label': S.languageLabel },
    ...LANGUAGES.map((lang) => h('option', { value: lang, lang, selected: lang === LOCALE }, S.languageNames[lang])))
  const form = h('form', { class: 'sign-in-card', id: 'sign-in-form', 'aria-labelledby': 'sign-in-title' },
    h('h2', { id: 'sign-in-title' }, t.signInTitle),
    notice,
    h('p', { class: 'muted' }, t.signInLead),
    h('label', { class: 'sign-in-field', for: username.id }, h('span', {}, t.username), username),
    h('label', { class: 'sign-in-field', for: password.id }, h('span', {}, t.password), password),
    error,
    h('div', { class: 'sign-in-actions' }, submit, language),
  )
  const page = h('main', { class: 'sign-in', id: 'sign-in' }, form)
  options.app.hidden = true
  options.app.before(page)
  username.value = options.username ?? ''
  ;(username.value === '' ? username : password).focus()
  language.addEventListener('change', () => options.onLanguage(language.value as Language))

  const showError = (text: string, wrongCredentials: boolean) => {
    error.textContent = text
    error.hidden = false
    for (const input of [username, password]) {
      if (wrongCredentials) input.setAttribute('aria-invalid', 'true')
      else input.removeAttribute('aria-invalid')
    }
  }

  return new Promise<Me>((resolve) => {
    form.addEventListener('submit', async (event) => {
      event.preventDefault()
      if (submit.disabled) return
      submit.disabled = true
      submit.textContent = t.signingIn
      error.hidden = true
      try {
        const me = await login(username.value.trim(), password.value)
        page.remove()
        options.app.hidden = false
        resolve(me)
      } catch (failure) {
        password.value = ''
        if (failure instanceof ApiError && failure.status === 401) showError(t.wrongCredentials, true)
        else if (failure instanceof ApiError) showError(t.signInFailed(failure.detail ?? String(failure.status)), false)
        else showError(t.serviceFailed(failure instanceof Error ? failure.message : String(failure)), false)
        password.focus()
      } finally {
        submit.disabled = false
        submit.textContent = t.signIn
      }
    })
  })
}

/**
 * The session ended while the app was open: closes open dialogs, hides the header's tools and
 * shows the form again saying so; a sign-in reloads the page at the same URL (the map state).
 */
export async function signInAgain(options: Omit<SignInOptions, 'notice'>): Promise<void> {
  for (const dialog of document.querySelectorAll('dialog')) dialog.close()
  for (const id of ['header-tools', 'account']) {
    const element = document.getElementById(id)
    if (element) element.hidden = true
  }
  await showSignIn({ ...options, notice: authStrings(LOCALE).sessionEnded })
  location.reload()
}
