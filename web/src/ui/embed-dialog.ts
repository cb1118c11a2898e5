// "Copy embed code": saves the map as it is now (its visible bbox, so the embed frames the same
// area at any size) and offers the iframe snippet in a dialog with a copy button, since the
// clipboard API is missing on plain-http intranet hosts. Title and size edits save again.

import { mapStateToParams, type MapState } from '../../../server/geo/map-state.ts'
import { saveView } from '../api-views.ts'
import { embedSnippet } from '../state/share-links.ts'
import { h } from './dom.ts'
import { S } from './strings.ts'

export interface EmbedDialogOptions {
  /** The state to embed, read when the dialog opens or an edit saves again. */
  current(): MapState
  /** The user changed the title (null when cleared). */
  onTitle(title: string | null): void
}

/** Opens the dialog (created once, then reused) and saves the current view. */
export function createEmbedDialog(options: EmbedDialogOptions): { open(): void } {
  const title = h('input', { type: 'text', maxlength: '120', id: 'embed-title' })
  const width = h('input', { type: 'number', min: '200', max: '4000', step: '10', value: '800', id: 'embed-width' })
  const height = h('input', { type: 'number', min: '200', max: '4000', step: '10', value: '500', id: 'embed-height' })
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
    ),
    code,
    message,
    h('div', { class: 'dialog-buttons' }, copy, close),
  )
  document.body.append(dialog)

  let viewId: string | null = null
  let saving: AbortController | null = null
  const size = (input: HTMLInputElement, fallback: number) => {
    const n = Math.round(Number(input.value))
    return Number.isFinite(n) && n >= 200 && n <= 4000 ? n : fallback
  }
  const render = () => {
    if (viewId === null) return
    code.value = embedSnippet({
      origin: location.origin, viewId, widthPx: size(width, 800), heightPx: size(height, 500),
      title: options.current().title ?? S.productName,
    })
  }
  const save = async () => {
    saving?.abort()
    const controller = new AbortController()
    saving = controller
    copy.disabled = true
    message.textContent = S.embedSaving
    message.classList.remove('is-error')
    try {
      const view = await saveView(mapStateToParams(options.current()), controller.signal)
      if (controller.signal.aborted) return
      viewId = view.id
      dialog.dataset.viewId = view.id
      render()
      copy.disabled = false
      message.textContent = ''
    } catch (error) {
      if (controller.signal.aborted) return
      message.textContent = S.embedFailed(error instanceof Error ? error.message : String(error))
      message.classList.add('is-error')
    }
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
