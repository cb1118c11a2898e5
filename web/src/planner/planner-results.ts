// The planner's result: coverage, bound and gap, the sites in the order chosen with their
// marginal gains, the comparison with the previous run, and save (with "Shared with") and export.

import { createSharingField, type SharingFieldOptions } from '../auth/sharing-field.ts'
import type { SharingChoice } from '../auth/sharing.ts'
import { originElement, type Provenance } from '../exchange/provenance.ts'
import { h } from '../ui/dom.ts'
import { LOCALE } from '../ui/strings.ts'
import { planExportLinks, type PlanResult, type PlanSite } from './plan-api.ts'
import { compareRows, formatDemand, formatRatio, formatWhole } from './plan-compare.ts'
import type { PlannerStrings } from './strings.ts'

export interface ResultsOptions {
  current: PlanResult
  previous: PlanResult | null
  /** The saved id of the current plan, when it is saved. */
  savedId: number | null
  /** The viewer may save plans; without, a saved plan shows only its export links. */
  canSave: boolean
  /** Whose plan it is, for the partner states of bilateral sharing. */
  sharing: Omit<SharingFieldOptions, 'idPrefix'>
  /** How the current plan was shared, when it is saved and the service said. */
  savedSharing: SharingChoice | null
  /** a saved plan received from a partner deployment: who shared it (null: made here) */
  origin: Provenance | null
  defaultName: string
  nameOf: (iso3: string) => string | undefined
  onSave(name: string, sharing: SharingChoice): Promise<void>
  /** Reruns the current request with the exact method; absent when the viewer may not plan. */
  onSolveExact?: () => void
}

const FORMAT_LABEL = { geojson: 'GeoJSON', csv: 'CSV', kml: 'KML' } as const

/** The result section's children for `options`. */
export function renderResults(s: PlannerStrings, options: ResultsOptions): Node[] {
  const { current: p } = options
  const fact = (label: string, ...value: (Node | string)[]) => [h('dt', {}, label), h('dd', {}, ...value)]
  const facts = h('dl', { class: 'planner-facts' },
    ...fact(s.coverage, h('strong', { class: 'planner-coverage', id: 'planner-coverage' }, formatRatio(p.coverage_ratio, LOCALE))),
    ...(p.route_km.total > 0 ? fact('', s.routeKmCovered(formatWhole(p.route_km.covered, LOCALE), formatWhole(p.route_km.total, LOCALE))) : []),
    ...(p.incidents.total > 0 ? fact('', s.incidentsCovered(formatWhole(p.incidents.covered, LOCALE), formatWhole(p.incidents.total, LOCALE))) : []),
    ...fact(s.bound, `${formatDemand(p.bound, LOCALE)} `, h('span', { class: 'muted' }, `(${s.boundSources[p.bound_source] ?? p.bound_source})`)),
    ...fact(s.gap, h('strong', { id: 'planner-gap' }, formatRatio(p.gap, LOCALE))),
    ...fact(s.status, h('span', { 'data-status': p.status }, s.statuses[p.status] ?? p.status)),
  )
  return [
    h('h3', {}, s.resultTitle),
    options.origin ? originElement(options.origin, LOCALE, 'p') : null,
    facts,
    p.shortfall > 0 ? h('p', { class: 'planner-warning' }, s.shortfall(p.shortfall)) : null,
    gapBlock(s, p, options.onSolveExact),
    sitesTable(s, p.sites, options.nameOf),
    options.previous ? comparison(s, p, options.previous) : null,
    saveBlock(s, options),
  ].filter((n): n is HTMLElement => n !== null)
}

/** A greedy plan more than 2% from its bound: say so, and offer the exact solver in one click. */
function gapBlock(s: PlannerStrings, p: PlanResult, onSolveExact: (() => void) | undefined): HTMLElement | null {
  if (!p.gap_warning || p.status !== 'heuristic') return null
  const button = onSolveExact ? h('button', { type: 'button', class: 'tool-button is-primary', id: 'planner-solve-exact' }, s.solveExactly) : null
  button?.addEventListener('click', () => {
    button.disabled = true
    onSolveExact!()
  })
  return h('div', { class: 'planner-warning planner-gap-warning', id: 'planner-gap-warning', role: 'status' }, h('p', {}, s.gapWarning(formatRatio(p.gap, LOCALE))), button)
}

function sitesTable(s: PlannerStrings, sites: readonly PlanSite[], nameOf: (iso3: string) => string | undefined): HTMLElement {
  const maxGain = Math.max(...sites.map((x) => x.marginal_gain), 1e-12)
  const row = (x: PlanSite) => {
    const where = [x.country ? (nameOf(x.country) ?? x.country) : null, x.border_km !== null ? `${formatWhole(x.border_km, LOCALE)} ${s.km}` : null].filter(Boolean).join(' · ')
    return h('tr', { 'data-kind': x.kind },
      h('td', {}, h('span', { class: `planner-badge is-${x.kind}` }, String(x.order))),
      h('td', {}, h('span', { class: 'planner-site-name', dir: 'auto' }, x.name ?? (x.kind === 'existing' ? s.existingPost : s.newSite)), h('span', { class: 'muted planner-site-where' }, where)),
      h('td', { class: 'num' }, formatDemand(x.covered_demand, LOCALE)),
      h('td', { class: 'num planner-gain' },
        h('span', { class: 'planner-gain-bar', style: `inline-size: ${Math.round((100 * x.marginal_gain) / maxGain)}%`, 'aria-hidden': 'true' }),
        h('span', {}, formatDemand(x.marginal_gain, LOCALE))),
    )
  }
  return h('table', { class: 'planner-table', id: 'planner-sites' },
    h('caption', {}, s.sitesCaption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, s.colOrder), h('th', { scope: 'col' }, s.colSite), h('th', { scope: 'col', class: 'num' }, s.colCovered), h('th', { scope: 'col', class: 'num' }, s.colGain))),
    h('tbody', {}, ...sites.map(row)),
  )
}

function comparison(s: PlannerStrings, current: PlanResult, previous: PlanResult): HTMLElement {
  return h('table', { class: 'planner-table planner-compare', id: 'planner-compare' },
    h('caption', {}, s.compareTitle),
    h('thead', {}, h('tr', {}, h('td', {}),
      h('th', { scope: 'col' }, h('span', { class: 'planner-key is-current' }), s.compareCurrent),
      h('th', { scope: 'col' }, h('span', { class: 'planner-key is-previous' }), s.comparePrevious))),
    h('tbody', {}, ...compareRows(current, previous, LOCALE, s).map((r) =>
      h('tr', { 'data-row': r.key }, h('th', { scope: 'row' }, r.label), h('td', {}, r.current), h('td', {}, r.previous)))),
  )
}

function saveBlock(s: PlannerStrings, options: ResultsOptions): HTMLElement | null {
  const links = (id: number) => h('p', { class: 'planner-exports', id: 'planner-exports' }, h('span', {}, s.exportLabel),
    ...planExportLinks(id).map((l) => h('a', { href: l.href, download: `plan-${id}.${l.format}`, 'data-format': l.format }, FORMAT_LABEL[l.format])))
  if (!options.canSave) return options.savedId !== null ? h('section', { class: 'planner-save' }, links(options.savedId)) : null
  const name = h('input', { type: 'text', id: 'planner-name', maxlength: '200', value: options.defaultName, dir: 'auto' })
  const sharing = createSharingField({ ...options.sharing, idPrefix: 'planner' })
  if (options.savedSharing) sharing.setValue(options.savedSharing)
  sharing.setDisabled(options.savedId !== null)
  const button = h('button', { type: 'button', class: 'tool-button is-primary', id: 'planner-save', disabled: options.savedId !== null }, s.save)
  const message = h('p', { class: 'planner-message', id: 'planner-save-message', role: 'status' }, options.savedId !== null ? s.saved(options.savedId) : '')
  const section = h('section', { class: 'planner-save' }, h('h4', {}, s.saveLegend),
    sharing.element,
    h('div', { class: 'planner-row' }, h('label', { for: name.id, class: 'visually-hidden' }, s.planName), name, button),
    message,
    options.savedId !== null ? links(options.savedId) : null)
  button.addEventListener('click', () => {
    if (!sharing.validate()) return
    button.disabled = true
    sharing.setDisabled(true)
    message.textContent = s.saving
    message.classList.remove('is-error')
    options.onSave(name.value.trim() || options.defaultName, sharing.read()).catch((error: unknown) => {
      button.disabled = false
      sharing.setDisabled(false)
      message.textContent = s.saveFailed(error instanceof Error ? error.message : String(error))
      message.classList.add('is-error')
    })
  })
  return section
}
