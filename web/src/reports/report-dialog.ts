// "Make report": period, title, language, page orientation and sections, then POST /api/reports
// with the map as it is now; a progress bar while the server renders, and the PDF downloaded
// under the name the service gives. The server answers 400 naming the field for a bad choice.

import type { MapState } from '../../../shared/map-state.ts'
import { LANGUAGES } from '../../../shared/map-state.ts'
import { authHeaders } from '../auth/credentials.ts'
import { noteStatus } from '../auth/session.ts'
import { h } from '../ui/dom.ts'
import { LOCALE, S } from '../ui/strings.ts'
import { defaultPeriod, REPORT_SECTIONS, reportBody, reportFileName, type ReportChoices, type ReportSection } from './report-request.ts'
import { reportStrings } from './strings.ts'

export interface ReportDialogOptions {
  /** The state to report on, read when the dialog opens and when the report is made. */
  current(): MapState
}

/** Creates the dialog once; open() fills it from the current state. */
export function createReportDialog(options: ReportDialogOptions): { open(): void } {
  const R = reportStrings(LOCALE)
  const from = h('input', { type: 'date', id: 'report-from', required: true })
  const to = h('input', { type: 'date', id: 'report-to', required: true })
  const title = h('input', { type: 'text', id: 'report-title', maxlength: '120' })
  const language = h('select', { id: 'report-language' }, ...LANGUAGES.map((l) => h('option', { value: l, lang: l, selected: l === LOCALE }, S.languageNames[l])))
  const orientation = h('select', { id: 'report-orientation' }, h('option', { value: 'portrait' }, R.portrait), h('option', { value: 'landscape' }, R.landscape))
  const boxes = new Map<ReportSection, HTMLInputElement>(REPORT_SECTIONS.map((s) => [s, h('input', { type: 'checkbox', value: s, checked: true, name: 'report-section' })]))
  const progress = h('progress', { class: 'report-progress', id: 'report-progress', hidden: true, 'aria-label': R.making })
  const message = h('p', { class: 'embed-message', id: 'report-message', 'aria-live': 'polite' })
  const make = h('button', { type: 'button', class: 'tool-button is-primary', id: 'report-make' }, R.make)
  const close = h('button', { type: 'button', class: 'tool-button' }, R.close)
  const dialog = h('dialog', { class: 'embed-dialog report-dialog', id: 'report-dialog', 'aria-labelledby': 'report-dialog-title' },
    h('h2', { id: 'report-dialog-title' }, R.title),
    h('p', { class: 'muted' }, R.lead),
    h('div', { class: 'embed-fields' },
      h('label', { class: 'embed-field' }, h('span', {}, R.from), from),
      h('label', { class: 'embed-field' }, h('span', {}, R.to), to),
      h('label', { class: 'embed-field embed-field-wide' }, h('span', {}, R.reportTitle), title),
      h('label', { class: 'embed-field' }, h('span', {}, R.language), language),
      h('label', { class: 'embed-field' }, h('span', {}, R.orientation), orientation),
    ),
    h('fieldset', { class: 'report-sections' }, h('legend', {}, R.sections),
      ...REPORT_SECTIONS.map((s) => h('label', { class: 'report-section' }, boxes.get(s)!, h('span', {}, R.section[s])))),
    progress,
    message,
    h('div', { class: 'dialog-buttons' }, make, close),
  )
  document.body.append(dialog)

  let running: AbortController | null = null
  const say = (text: string, error = false) => {
    message.textContent = text
    message.classList.toggle('is-error', error)
  }
  const choices = (): ReportChoices => ({
    from: from.value,
    to: to.value,
    title: title.value,
    language: language.value as ReportChoices['language'],
    orientation: orientation.value as ReportChoices['orientation'],
    sections: REPORT_SECTIONS.filter((s) => boxes.get(s)!.checked),
  })

  make.addEventListener('click', async () => {
    const c = choices()
    if (c.sections.length === 0) return say(R.noSection, true)
    running?.abort()
    const controller = new AbortController()
    running = controller
    make.disabled = true
    progress.hidden = false
    say(R.making)
    try {
      const response = await fetch('/api/reports', {
        method: 'POST',
        headers: { accept: 'application/pdf', 'content-type': 'application/json', ...authHeaders('/api/reports') },
        body: JSON.stringify(reportBody(options.current(), c)),
        signal: controller.signal,
      })
      if (!response.ok) {
        noteStatus(response.status)
        const body = (await response.json().catch(() => null)) as { message?: string } | null
        throw new Error(body?.message ?? `HTTP ${response.status}`)
      }
      const blob = await response.blob()
      const url = URL.createObjectURL(blob)
      const link = h('a', { href: url, download: reportFileName(response.headers.get('content-disposition'), c), hidden: true })
      document.body.append(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
      say(R.done(`${Math.max(1, Math.round(blob.size / 1024))} KB`))
    } catch (error) {
      if (!controller.signal.aborted) say(R.failed(error instanceof Error ? error.message : String(error)), true)
    } finally {
      if (running === controller) {
        make.disabled = false
        progress.hidden = true
        running = null
      }
    }
  })
  close.addEventListener('click', () => dialog.close())
  dialog.addEventListener('close', () => running?.abort())

  return {
    open() {
      const state = options.current()
      const period = defaultPeriod(state, new Date().toISOString().slice(0, 10))
      from.value = period.from
      to.value = period.to
      title.value = state.title ?? ''
      say('')
      dialog.showModal()
    },
  }
}
