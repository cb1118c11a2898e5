// "Import data": a dialog with a file input and the import options; the upload shows its
// progress (XMLHttpRequest progress events), then the service's report: row counts, the first
// rejected rows with line, field and reason, and the dataset's credit line. The import is shared
// as chosen under "Shared with" (default regional). A CSV goes through the mapping step first
// (mapping-step.ts): its columns previewed and changeable before anything is written.

import type { ImportFormat } from '../../../shared/import-formats.ts'
import { createSharingField, type SharingFieldOptions } from '../auth/sharing-field.ts'
import { describeSharing, sharingFields } from '../auth/sharing.ts'
import { authStrings } from '../auth/strings.ts'
import type { HotspotStrings } from '../hotspots/strings.ts'
import { LOCALE } from '../ui/strings.ts'
import { h } from '../ui/dom.ts'
import { progressText, reportHeading, reportRows, shownRejections, type ImportReport } from './import-report.ts'
import { createMappingStep } from './mapping-step.ts'
import { uploadImport } from './upload.ts'

/** The formats offered, as `POST /api/imports` names them (shared/import-formats.ts). */
const FORMATS = ['auto', 'iom', 'acled', 'csv', 'geojson', 'kml', 'gpx'] as const satisfies readonly ImportFormat[]
const FORMAT_NAMES: Record<Exclude<ImportFormat, 'auto'>, string> = {
  iom: 'IOM Missing Migrants (CSV)', acled: 'ACLED (CSV)', csv: 'CSV', geojson: 'GeoJSON', kml: 'KML', gpx: 'GPX',
}

export interface ImportDialogOptions {
  strings: HotspotStrings
  locale: string
  /** Whose import it is: the partner states offered for bilateral sharing. */
  sharing: Omit<SharingFieldOptions, 'idPrefix'>
  /** Called after an import that changed incidents, so the map can reload them. */
  onImported(report: ImportReport): void
}

/** Creates the dialog (hidden) and returns its opener. */
export function createImportDialog(options: ImportDialogOptions): { open(): void } {
  const t = options.strings
  const file = h('input', { type: 'file', id: 'import-file', accept: '.csv,.geojson,.json,.kml,.gpx,text/csv,application/geo+json' })
  const format = h('select', { id: 'import-format' },
    ...FORMATS.map((f) => h('option', { value: f }, f === 'auto' ? t.formatAuto : FORMAT_NAMES[f])))
  const strict = h('input', { type: 'checkbox', id: 'import-strict' })
  const sharing = createSharingField({ ...options.sharing, idPrefix: 'import' })
  sharing.element.classList.add('embed-field-wide')
  const mapping = createMappingStep()
  const progress = h('progress', { class: 'import-progress', max: '1', value: '0', hidden: true })
  const message = h('p', { class: 'import-message', 'aria-live': 'polite' })
  const report = h('div', { class: 'import-report', 'data-state': 'idle' })
  const upload = h('button', { type: 'button', class: 'tool-button is-primary', id: 'import-upload', disabled: true }, t.upload)
  const close = h('button', { type: 'button', class: 'tool-button' }, t.close)
  const dialog = h('dialog', { class: 'embed-dialog import-dialog', id: 'import-dialog', 'aria-labelledby': 'import-dialog-title' },
    h('h2', { id: 'import-dialog-title' }, t.importTitle),
    h('p', { class: 'muted' }, t.importLead),
    h('div', { class: 'embed-fields' },
      h('label', { class: 'embed-field embed-field-wide' }, h('span', {}, t.fileLabel), file),
      h('label', { class: 'embed-field' }, h('span', {}, t.formatLabel), format),
      h('label', { class: 'import-strict' }, strict, h('span', {}, t.strictLabel)),
      sharing.element,
    ),
    mapping.element,
    progress,
    message,
    report,
    h('div', { class: 'dialog-buttons' }, upload, close),
  )
  document.body.append(dialog)

  let running: { abort(): void } | null = null
  /** A CSV (by format, else by name) goes through the mapping step; GeoJSON, KML and GPX do not. */
  const previewChosen = () => {
    const chosen = file.files?.[0] ?? null
    const document = format.value === 'auto' ? /\.(geo)?json$|\.kml$|\.gpx$/i.test(chosen?.name ?? '') : ['geojson', 'kml', 'gpx'].includes(format.value)
    void mapping.show(document ? null : chosen, { format: format.value })
  }
  file.addEventListener('change', () => {
    upload.disabled = !file.files?.length
    report.replaceChildren()
    report.dataset.state = 'idle'
    message.textContent = ''
    previewChosen()
  })
  format.addEventListener('change', previewChosen)
  close.addEventListener('click', () => dialog.close())
  dialog.addEventListener('close', () => {
    running?.abort()
    running = null
  })

  upload.addEventListener('click', async () => {
    const chosen = file.files?.[0]
    if (!chosen || !sharing.validate()) return
    upload.disabled = true
    report.replaceChildren()
    report.dataset.state = 'uploading'
    progress.hidden = false
    progress.value = 0
    message.classList.remove('is-error')
    const fields: Record<string, string> = { format: format.value, strict: String(strict.checked), ...mapping.fields(), ...sharingFields(sharing.read()) }
    const job = uploadImport(chosen, fields, {
      onProgress(loaded, total) {
        progress.value = total > 0 ? loaded / total : 0
        message.textContent = progressText(loaded, total, t, options.locale)
      },
      onUploaded() {
        progress.value = 1
        message.textContent = t.processing
      },
    })
    running = job
    const result = await job.done
    running = null
    upload.disabled = false
    progress.hidden = true
    if ('error' in result) {
      message.textContent = t.uploadFailed(result.error)
      message.classList.add('is-error')
      report.dataset.state = 'error'
      return
    }
    message.textContent = ''
    renderReport(report, result.report, options)
    if (result.report.status === 'completed' && !result.report.noop) options.onImported(result.report)
  })

  return {
    open() {
      if (!dialog.open) dialog.showModal()
    },
  }
}

/** Fills `container` with the report: heading, counts, credit, first rejected rows. */
function renderReport(container: HTMLElement, report: ImportReport, options: ImportDialogOptions): void {
  const t = options.strings
  const shared = authStrings(LOCALE)
  const rejections = shownRejections(report, t)
  container.dataset.state = report.status
  container.replaceChildren(
    h('h3', { class: `import-heading is-${report.noop ? 'noop' : report.status}` }, reportHeading(report, t)),
    h('dl', { class: 'import-counts' },
      ...reportRows(report, t, options.locale).flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]),
      h('dt', {}, t.dataset), h('dd', { dir: 'ltr' }, report.source_dataset),
      h('dt', {}, t.credit), h('dd', { class: 'import-credit' }, report.credit ?? '–'),
      ...(report.sharing ? [h('dt', {}, shared.sharedWith), h('dd', { id: 'import-report-sharing' },
        describeSharing({ sharing: report.sharing, partners: report.partners ?? [] }, (level) => shared.sharing[level], options.sharing.nameOf))] : []),
    ),
    ...(rejections ? [h('div', { class: 'import-rejections' },
      h('h4', {}, rejections.title),
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, t.line), h('th', {}, t.field), h('th', {}, t.reason))),
        h('tbody', {}, ...rejections.rows.map((r) => h('tr', {}, h('td', {}, String(r.line)), h('td', { dir: 'ltr' }, r.field), h('td', {}, r.reason)))),
      ),
    )] : []),
  )
}
