// "Copy embed code": saves the map as it is now (its visible bbox, so the embed frames the same
// area at any size) and offers the iframe snippet in a dialog with a copy button, since the
// clipboard API is missing on plain-http intranet hosts. Title and size edits save again. When
// the service needs sign-in, the code carries a signed embed token valid for the days chosen.

import { mapStateToParams, type MapState } from '../../../shared/map-state.ts'
import { createEmbedToken, saveView } from '../api-views.ts'
import { authStrings } from '../auth/strings.ts'
import { embedSnippet } from '../state/share-links.ts'
import { h } from './dom.ts'
import { LOCALE, S } from './strings.ts'

/** The lifetimes offered for an embed token, in days (the service allows 1-365). */
const EMBED_DAYS = [7, 30, 90, 365] as const
const DEFAULT_EMBED_DAYS = 30

export interface EmbedDialogOptions {
  /** The state to embed, read when the dialog opens or an edit saves again. */
  current(): MapState
  /** The user changed the title (null when cleared). */
  onTitle(title: string | null): void
  /** The code carries an embed token (signed-in users, AUTH=on); else the plain /embed/<id>. */
  tokens: boolean
}

/** Opens the dialog (created once, then reused) and saves the current view. */
export function createEmbedDialog(options: EmbedDialogOptions): { open(): void } {
  const title = h('input', { type: 'text', maxlength: '120', id: 'embed-title' })
  const width = h('input', { type: 'number', min: '200', max: '4000', step: '10', value: '800', id: 'embed-width' })
  const height = h('input', { type: 'number', min: '200', max: '4000', step: '10', value: '500', id: 'embed-height' })
  const a = authStrings(LOCALE)
  const days = h('select', { id: 'embed-days' },
    ...EMBED_DAYS.map((d) => h('option', { value: String(d), selected: d === DEFAULT_EMBED_DAYS }, a.embedDaysOption(d))))
  const keyNote = h('p', { class: 'muted embed-key-note', id: 'embed-key-note', hidden: !options.tokens })
  const code = h('textarea', { class: 'embed-code', rows: '4', readonly: true, dir: 'ltr', spellcheck: 'false', 'aria-label': S.copyEmbed })
  const message = h('p', { class: 'embed-message', 'aria-live': 'polite' })
  const copy = h('button', { type: 'button', class: 'tool-button is-primary', disabled: true }, S.copyButton)
  const close = h('button', { type: 'button', class: 'tool-button' }, S.closeDialog)
  const dialog = h('dialog', { class: 'embed-dialog', 'aria-labelledby': 'embed-dialog-title' },
    h('h2', { id: 'embed-dialog-title' }, S.embedDialogTitle),
    h('p', { class: 'muted' }, S.embedDialogLead),
    h('div', { class: 'embed-fields' },
      h('label', { class: 'embed-field embed-field-wide' }, h('span', {}, S.embedTitleLabel), title),
      h('label', { class: 'embed-field' }, h('span', {}, S.embedWidth), width),
      h('label', { class: 'embed-field' }, h('span', {}, S.embedHeight), height),
      options.tokens ? h('label', { class: 'embed-field' }, h('span', {}, a.embedDays), days) : null,
    ),
    code,
    keyNote,
    message,
    h('div', { class: 'dialog-buttons' }, copy, close),
  )
  document.body.append(dialog)

  let viewId: string | null = null
  /** The embed page path with its token, when the code needs one. */
  let embedUrl: string | undefined
  let saving: AbortController | null = null
  const size = (input: HTMLInputElement, fallback: number) => {
    const n = Math.round(Number(input.value))
    return Number.isFinite(n) && n >= 200 && n <= 4000 ? n : fallback
  }
  const render = () => {
    if (viewId === null) return
    code.value = embedSnippet({
      origin: location.origin, viewId, widthPx: size(width, 800), heightPx: size(height, 500),
      title: options.current().title ?? S.productName, embedUrl,
    })
  }
  const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error))
  const failed = (text: string) => {
    message.textContent = text
    message.classList.add('is-error')
  }
  /** Starts a save or a token request, cancelling the one before. */
  const begin = () => {
    saving?.abort()
    const controller = new AbortController()
    saving = controller
    copy.disabled = true
    message.textContent = S.embedSaving
    message.classList.remove('is-error')
    return controller
  }
  /** Gets a token for the saved view when the code needs one, then shows the code. */
  const finish = async (controller: AbortController) => {
    if (options.tokens) {
      embedUrl = undefined
      code.value = ''
      keyNote.textContent = ''
      try {
        const key = await createEmbedToken(viewId!, Number(days.value), controller.signal)
        if (controller.signal.aborted) return
        embedUrl = key.embed_url
        keyNote.textContent = a.embedKeyLead(new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long' }).format(new Date(key.expires_at)))
      } catch (error) {
        if (!controller.signal.aborted) failed(a.embedKeyFailed(errorText(error)))
        return
      }
    }
    render()
    copy.disabled = false
    message.textContent = ''
  }
  const save = async () => {
    const controller = begin()
    try {
      const view = await saveView(mapStateToParams(options.current()), controller.signal)
      if (controller.signal.aborted) return
      viewId = view.id
      dialog.dataset.viewId = view.id
    } catch (error) {
      if (!controller.signal.aborted) failed(S.embedFailed(errorText(error)))
      return
    }
    await finish(controller)
  }
  const copyCode = async () => {
    code.select()
    try {
      await navigator.clipboard.writeText(code.value)
      message.textContent = S.copied
    } catch {
      message.textContent = S.copyUnavailable
    }
  }

  let titleTimer: ReturnType<typeof setTimeout> | undefined
  title.addEventListener('input', () => {
    clearTimeout(titleTimer)
    titleTimer = setTimeout(() => {
      options.onTitle(title.value.trim() === '' ? null : title.value.trim())
      void save()
    }, 500)
  })
  // Another lifetime needs another token, for the same saved view.
  days.addEventListener('change', () => {
    if (viewId !== null) void finish(begin())
  })
  width.addEventListener('input', render)
  height.addEventListener('input', render)
  copy.addEventListener('click', () => void copyCode())
  close.addEventListener('click', () => dialog.close())

  return {
    open() {
      title.value = options.current().title ?? ''
      code.value = ''
      dialog.showModal()
      void save().then(() => {
        if (!copy.disabled) void copyCode()
      })
    },
  }
}
