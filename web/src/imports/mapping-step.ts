// The mapping step of the import dialog: after a CSV is chosen, its first 256 KiB go to
// POST /api/imports/preview; the dialog shows the schema recognised, a select per field (the
// column detected preselected), the coordinate and date order, a default threat, dataset name and
// credit, what would stop the import, a dry run and the first rows. Each change previews again.

import { THREATS } from '../../../shared/vocabulary.ts'
import { authHeaders } from '../auth/credentials.ts'
import { noteStatus } from '../auth/session.ts'
import { h } from '../ui/dom.ts'
import { LOCALE, S } from '../ui/strings.ts'
import { FORM_FIELDS, initialChoice, uploadFields, type ImportPreview, type MappingChoice } from './mapping-form.ts'
import { mappingStrings } from './strings.ts'

/** Bytes of the file the preview reads. */
const PREVIEW_BYTES = 256 * 1024
/** Rows of the preview table. */
const SHOWN_ROWS = 5

export interface MappingStep {
  element: HTMLElement
  /** Previews `file` (null hides the step); `fields` are the dialog's other options (format). */
  show(file: File | null, fields: Record<string, string>): Promise<void>
  /** The upload fields of the current choice (none before a preview). */
  fields(): Record<string, string>
}

async function requestPreview(file: File, fields: Record<string, string>): Promise<ImportPreview> {
  const body = new FormData()
  for (const [name, value] of Object.entries(fields)) body.append(name, value)
  // the first part of the file, cut at a line end: the server reads the header and first rows
  let part: Blob = file
  if (file.size > PREVIEW_BYTES) {
    const head = await file.slice(0, PREVIEW_BYTES).text()
    part = new Blob([head.slice(0, head.lastIndexOf('\n') + 1)])
  }
  body.append('file', part, file.name)
  const res = await fetch('/api/imports/preview', { method: 'POST', body, headers: { accept: 'application/json', ...authHeaders('/api/imports/preview') } })
  noteStatus(res.status)
  const answer = await res.json().catch(() => null)
  if (!res.ok) throw new Error(answer?.message ?? `${res.status} ${res.statusText}`)
  return answer as ImportPreview
}

/** Creates the (hidden) mapping step. */
export function createMappingStep(): MappingStep {
  const t = mappingStrings(LOCALE)
  const element = h('fieldset', { class: 'import-mapping', id: 'import-mapping', hidden: true })
  let preview: ImportPreview | null = null
  let choice: MappingChoice | null = null
  let current: { file: File; fields: Record<string, string> } | null = null
  let serial = 0
  // the text inputs outlive a render, so that a preview answering while the user types in one
  // keeps what was typed and the focus (a render rebuilds everything else)
  const texts = new Map<string, HTMLInputElement>()

  const select = (id: string, options: [string, string][], value: string, onChange: (v: string) => void) => {
    const el = h('select', { id }, ...options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)))
    el.addEventListener('change', () => onChange(el.value))
    return el
  }
  const field = (label: string, control: HTMLElement, wide = false) => h('label', { class: `embed-field${wide ? ' embed-field-wide' : ''}` }, h('span', {}, label), control)

  const render = () => {
    if (!preview || !choice) return
    const p = preview
    const c = choice
    // taken first: moving a kept input into its new label already takes its focus away
    const focused = element.contains(document.activeElement) ? (document.activeElement as HTMLElement) : null
    const caret = focused instanceof HTMLInputElement ? [focused.selectionStart, focused.selectionEnd] as const : null
    const columns: [string, string][] = [['', t.none], ...p.header.filter((name) => name !== '').map((name): [string, string] => [name, name])]
    const again = () => void run(false)
    const selects = FORM_FIELDS.map((f) => field(t.fields[f], select(`import-map-${f}`, columns, c.columns[f] ?? '', (v) => {
      c.columns[f] = v
      again()
    })))
    const order = field(t.order, select('import-map-order', [['latlng', t.orders.latlng], ['lnglat', t.orders.lnglat]], c.order, (v) => {
      c.order = v as MappingChoice['order']
      again()
    }))
    const dateOrder = field(t.dateOrder, select('import-map-date-order', [['mdy', t.dateOrders.mdy], ['dmy', t.dateOrders.dmy]], c.dateOrder, (v) => {
      c.dateOrder = v as MappingChoice['dateOrder']
      again()
    }))
    const threat = field(t.defaultThreat, select('import-threat', [['', t.noDefaultThreat], ...THREATS.filter((x) => x !== 'unclassified').map((x): [string, string] => [x, S.threats[x]])], c.threat, (v) => {
      c.threat = v
      again()
    }))
    const text = (id: string, value: string, placeholder: string, onInput: (v: string) => void) => {
      let el = texts.get(id)
      if (!el) {
        const input = h('input', { id, type: 'text', value, dir: 'ltr' })
        input.addEventListener('input', () => onInput(input.value))
        texts.set(id, (el = input))
      }
      el.placeholder = placeholder
      return el
    }
    const dataset = field(t.dataset, text('import-dataset', c.dataset, p.dataset, (v) => (c.dataset = v)))
    const credit = field(t.credit, text('import-credit', c.credit, p.credit, (v) => (c.credit = v)), true)
    const shownRows = p.rows.slice(0, SHOWN_ROWS)
    element.replaceChildren(
      h('legend', {}, t.title),
      h('p', { class: 'muted' }, t.lead),
      h('p', { class: 'import-schema', id: 'import-schema' }, t.recognised(p.mapping.schema_label)),
      ...(p.mapping.reused_from ? [h('p', { class: 'import-note', id: 'import-reused' }, t.reused(p.mapping.reused_from))] : []),
      ...p.mapping.notes.map((note) => h('p', { class: 'import-note', dir: 'ltr' }, note)),
      h('div', { class: 'embed-fields import-map-fields' }, ...selects, order, dateOrder, threat, dataset, credit),
      ...(p.mapping.date_form ? [h('p', { class: 'import-note' }, t.dateForm(p.mapping.date_form))] : []),
      ...(p.problems.length ? [h('ul', { class: 'import-problems', id: 'import-problems' }, ...p.problems.map((x) => h('li', { dir: 'ltr', 'data-field': x.field }, x.message)))] : []),
      ...(p.problems.length ? [] : [h('p', { class: 'import-dry-run', id: 'import-dry-run' }, t.dryRun(p.sample.accepted, p.sample.rows, p.sample.rejected))]),
      h('div', { class: 'import-preview-rows' },
        h('table', { dir: 'ltr' },
          h('caption', {}, t.firstRows(shownRows.length)),
          h('thead', {}, h('tr', {}, ...p.header.map((name) => h('th', {}, name)))),
          h('tbody', {}, ...shownRows.map((row) => h('tr', {}, ...p.header.map((_, i) => h('td', {}, row[i] ?? ''))))),
        ),
      ),
    )
    element.dataset.state = p.problems.length ? 'problems' : 'ready'
    // the control that had the focus (the same input, or the select rebuilt under its id) keeps it
    const refocus = focused?.id ? element.querySelector<HTMLElement>(`#${CSS.escape(focused.id)}`) : null
    if (refocus && document.activeElement !== refocus) {
      refocus.focus()
      if (refocus instanceof HTMLInputElement && caret) refocus.setSelectionRange(caret[0], caret[1])
    }
  }

  /** Previews the current file: with the detected mapping first, then with the user's choice. */
  const run = async (fresh: boolean) => {
    if (!current) return
    const mine = ++serial
    element.dataset.state = 'loading'
    const fields = { ...current.fields, ...(!fresh && preview && choice ? uploadFields(preview, choice) : {}) }
    try {
      const answer = await requestPreview(current.file, fields)
      if (mine !== serial) return
      if (fresh || !preview) choice = initialChoice(answer)
      // the first preview's detection stays the reference the user's changes are measured against
      if (fresh || !preview) preview = answer
      else preview = { ...answer, mapping: { ...answer.mapping, fields: preview.mapping.fields } }
      render()
    } catch (err) {
      if (mine !== serial) return
      element.replaceChildren(h('legend', {}, t.title), h('p', { class: 'import-message is-error' }, t.previewFailed((err as Error).message)))
      element.dataset.state = 'error'
    }
  }

  return {
    element,
    async show(file, fields) {
      preview = null
      choice = null
      texts.clear()
      current = file ? { file, fields } : null
      element.hidden = !file
      if (!file) return
      element.replaceChildren(h('legend', {}, t.title), h('p', { class: 'muted' }, t.previewing))
      await run(true)
    },
    fields: () => (preview && choice ? uploadFields(preview, choice) : {}),
  }
}
