// The app page's fixed parts: header texts, the status line, the notice about a link's refused
// values, and the lookup of index.html's elements.

import { fontFaceCss } from '../map/fonts.ts'
import { directionOf, LOCALE, S } from './strings.ts'

/** An element of index.html, which must have it. */
export function byId(id: string): HTMLElement {
  const element = document.getElementById(id)
  if (!element) throw new Error(`index.html has no element #${id}`)
  return element
}

/** The status line over the map; empty hides it. */
export function setStatus(message: string, isError = false): void {
  const status = byId('status')
  status.textContent = message
  status.hidden = message === ''
  status.classList.toggle('status-error', isError)
}

/** Fonts, language, direction and header texts, before anything else is drawn. */
export function fillChrome(title: string | null): void {
  const fonts = document.createElement('style')
  fonts.textContent = fontFaceCss()
  document.head.append(fonts)
  document.documentElement.lang = LOCALE
  document.documentElement.dir = directionOf(LOCALE)
  showTitle(title)
  byId('product-name').textContent = S.productName
  byId('map-toolbar').setAttribute('aria-label', S.toolbarLabel)
}

/** The map's title, when it has one, in place of the tagline and in the window title. */
export function showTitle(title: string | null): void {
  document.title = title ? `${title} – ${S.productName}` : S.productName
  byId('product-tagline').textContent = title ?? S.productTagline
}

/** A notice over the map that the link held values it could not use. */
export function showStateProblems(fields: string[]): void {
  if (fields.length === 0) return
  const notice = byId('notice')
  const close = document.createElement('button')
  close.type = 'button'
  close.className = 'notice-close'
  close.textContent = '×'
  close.setAttribute('aria-label', S.dismiss)
  close.addEventListener('click', () => (notice.hidden = true))
  const text = document.createElement('span')
  text.textContent = S.stateProblem([...new Set(fields)].join(', '))
  notice.replaceChildren(text, close)
  notice.dataset.fields = [...new Set(fields)].join(',')
  notice.hidden = false
}
