// "Exchange" (admins): a dialog to merge a bundle file from a partner deployment. The file goes
// as the body of POST /api/exchange/bundles; the answer is what the merge brought, or why the
// bundle was refused (tampered, wrong key, expired, replayed, for another instance).
import { h } from '../ui/dom.ts'
import { mergeSummary, type MergeReport } from './merge-summary.ts'
import type { ExchangeStrings } from './strings.ts'

/** Adds the toolbar button and its dialog; `onMerged` runs after a merge that changed records, when the dialog closes. */
export function createExchangeDialog(toolbar: HTMLElement, t: ExchangeStrings, locale: string, onMerged: () => void): void {
  const button = h('button', { type: 'button', class: 'tool-button', id: 'exchange-open' }, t.button)
  toolbar.append(h('div', { class: 'toolbar-group', id: 'exchange-tool' }, button))
  const file = h('input', { type: 'file', id: 'exchange-file', accept: '.sahel-bundle,application/octet-stream' })
  const message = h('div', { class: 'import-message', id: 'exchange-result', 'aria-live': 'polite' })
  const merge = h('button', { type: 'button', class: 'tool-button is-primary', id: 'exchange-merge', disabled: true }, t.merge)
  const close = h('button', { type: 'button', class: 'tool-button' }, t.close)
  const dialog = h('dialog', { class: 'embed-dialog import-dialog', id: 'exchange-dialog', 'aria-labelledby': 'exchange-dialog-title' },
    h('h2', { id: 'exchange-dialog-title' }, t.title),
    h('p', { class: 'muted' }, t.lead),
    h('div', { class: 'embed-fields' }, h('label', { class: 'embed-field embed-field-wide' }, h('span', {}, t.fileLabel), file)),
    message,
    h('div', { class: 'dialog-buttons' }, merge, close),
  )
  document.body.append(dialog)
  let changed = false

  const show = (lines: string[], error: boolean) => {
    message.replaceChildren(...lines.map((line) => h('p', {}, line)))
    message.classList.toggle('is-error', error)
  }
  button.addEventListener('click', () => dialog.open || dialog.showModal())
  file.addEventListener('change', () => {
    merge.disabled = !file.files?.length
    show([], false)
  })
  close.addEventListener('click', () => dialog.close())
  dialog.addEventListener('close', () => {
    if (changed) onMerged()
    changed = false
  })
  merge.addEventListener('click', async () => {
    const chosen = file.files?.[0]
    if (!chosen) return
    merge.disabled = true
    show([t.merging], false)
    try {
      const res = await fetch('/api/exchange/bundles', { method: 'POST', body: chosen, headers: { 'content-type': 'application/octet-stream' }, credentials: 'same-origin' })
      const body = (await res.json()) as MergeReport & { message?: string }
      if (!res.ok) return show([t.refused(body.message ?? `HTTP ${res.status}`)], true)
      show(mergeSummary(body, t, locale), false)
      if (!body.noop) changed = true
    } catch (error) {
      show([t.refused(error instanceof Error ? error.message : String(error))], true)
    } finally {
      merge.disabled = false
    }
  })
}
