// A clicked hotspot cell in a popup: its numbers (value, n, and Gi* z, p, q and class when the
// Gi* view is on), its emerging hot spot category from `/api/hotspots/trends` over the same view
// and filters, and its incidents from `/api/incidents` (the cell's bbox, kept to the cell with
// the service's rule), each with its credit and, where the source gives one, a link to the record.

import * as maplibregl from 'maplibre-gl'
import { cellToParent, latLngToCell } from 'h3-js'
import type { MapState } from '../../../shared/map-state.ts'
import { originElement } from '../exchange/provenance.ts'
import { incidentCounts, incidentDate, incidentSourceUrl } from '../incidents/incident-format.ts'
import { h } from '../ui/dom.ts'
import type { Locale } from '../ui/strings.ts'
import { cellBbox } from './cell-geometry.ts'
import { CLASS_COLOURS } from './colour-ramps.ts'
import { incidentsUrl, trendsUrl, type Bbox } from './hotspot-query.ts'
import { DEMO_DATASET, getJson, type HotspotCell, type IncidentPage, type TrendAnswer, type TrendCell } from './hotspots-api.ts'
import { categoryName, type HotspotStrings } from './strings.ts'
import { trendBin, type MonthWindow } from './time-steps.ts'
import { cellSparkline } from '../charts/cell-sparkline.ts'
import { chartStrings } from '../charts/strings.ts'

/** Incidents listed per cell; the cell's n says how many there are. */
const INCIDENTS_SHOWN = 8

export interface CellPopupContext {
  map: maplibregl.Map
  state: MapState
  res: number
  /** The view the trend analysis covers (its study area). */
  viewBbox: Bbox
  /** The months of the time range, to pick month or quarter bins. */
  months: MonthWindow
  strings: HotspotStrings
  locale: Locale
  threatName(code: string): string
}

let trendCache: { url: string; answer: Promise<TrendAnswer> } | null = null

/** Opens the popup of `cell` at `lngLat`; the trend and incidents fill in as they arrive. */
export function openCellPopup(ctx: CellPopupContext, cell: HotspotCell, lngLat: maplibregl.LngLatLike): maplibregl.Popup {
  const t = ctx.strings
  const num = (x: number, digits = 0) => new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(x)
  const pValue = (x: number) => (x < 0.001 ? '< 0.001' : num(x, 3))
  const rows: [string, string | Node][] = [[t.value, num(cell.value, cell.value % 1 ? 1 : 0)], [t.n, num(cell.n)]]
  if (cell.z !== undefined && cell.p !== undefined) {
    rows.push([t.z, num(cell.z, 2)], [t.p, pValue(cell.p)])
    if (cell.q !== undefined) rows.push([t.q, pValue(cell.q)])
    if (cell.class) {
      rows.push([t.cls, h('span', { class: 'class-chip' },
        h('span', { class: 'legend-swatch', style: `background:${CLASS_COLOURS[cell.class]}`, 'aria-hidden': 'true' }), t.classes[cell.class])])
    }
  }
  const trend = h('section', { class: 'popup-trend', 'data-state': 'loading' }, h('h4', {}, t.trendTitle), h('p', { class: 'muted' }, t.loading))
  const incidents = h('section', { class: 'popup-incidents', 'data-state': 'loading' }, h('h4', {}, t.incidentsTitle), h('p', { class: 'muted' }, t.loading))
  const root = h('div', { class: 'hotspot-popup', 'data-h3': cell.h3 },
    h('h3', {}, t.cellTitle(ctx.res)),
    h('p', { class: 'popup-h3', dir: 'ltr' }, cell.h3),
    h('dl', { class: 'popup-numbers' }, ...rows.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)])),
    trend,
    incidents,
  )
  const popup = new maplibregl.Popup({ maxWidth: '340px', className: 'hotspot-popup-frame' }).setLngLat(lngLat).setDOMContent(root).addTo(ctx.map)
  const controller = new AbortController()
  popup.on('close', () => controller.abort())
  // The sections grow as answers arrive; placing the popup again lets MapLibre pick a side it fits.
  const replace = () => popup.isOpen() && popup.setLngLat(popup.getLngLat())

  const bin = trendBin(ctx.months)
  const url = trendsUrl(ctx.state, { res: ctx.res, bin, bbox: ctx.viewBbox })
  if (trendCache?.url !== url) trendCache = { url, answer: getJson<TrendAnswer>(url) }
  const cached = trendCache
  cached.answer.then((answer) => {
    renderTrend(trend, answer.cells.find((c) => c.h3 === cell.h3) ?? null, answer.bins, bin, ctx)
    replace()
  },
    (error: unknown) => {
      if (trendCache === cached) trendCache = null
      failed(trend, t.trendTitle, error, t)
    })

  if (cell.n === 0) renderIncidents(incidents, null, ctx, cell)
  else {
    getJson<IncidentPage>(incidentsUrl(ctx.state, { bbox: cellBbox(cell.h3), limit: 500 }), controller.signal)
      .then((page) => {
        renderIncidents(incidents, page, ctx, cell)
        replace()
      }, (error: unknown) => failed(incidents, t.incidentsTitle, error, t))
  }
  return popup
}

function failed(section: HTMLElement, title: string, error: unknown, t: HotspotStrings): void {
  if (error instanceof DOMException && error.name === 'AbortError') return
  section.dataset.state = 'error'
  section.replaceChildren(h('h4', {}, title), h('p', { class: 'is-error' }, t.failed(error instanceof Error ? error.message : String(error))))
}

/** The sparkline's colour: red for a hot spot category, blue for a cold one, grey for none. */
function categoryColour(category: string): string {
  return category.endsWith('_hot') ? CLASS_COLOURS.hot_99 : category.endsWith('_cold') ? CLASS_COLOURS.cold_99 : '#6d675e'
}

/** The category, the Mann-Kendall numbers and the sparkline of the cell's incidents per bin. */
function renderTrend(section: HTMLElement, cell: TrendCell | null, bins: string[], bin: 'month' | 'quarter', ctx: CellPopupContext): void {
  const t = ctx.strings
  const category = cell?.category ?? 'no_pattern'
  const detail = cell?.trend
    ? t.trendDetail(bins.length, bin, new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 2 }).format(cell.trend.tau), new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 3 }).format(cell.trend.p))
    : t.noTrend(bins.length, bin)
  section.dataset.state = 'ready'
  section.dataset.category = category
  section.replaceChildren(
    h('h4', {}, t.trendTitle),
    h('p', { class: 'trend-category' }, categoryName(t, category)),
    ...(cell && cell.counts.length > 1 ? [cellSparkline({ h3: cell.h3, counts: cell.counts, bins, bin, color: categoryColour(category), strings: chartStrings(ctx.locale), locale: ctx.locale })] : []),
    h('p', { class: 'muted' }, detail),
  )
}

function renderIncidents(section: HTMLElement, page: IncidentPage | null, ctx: CellPopupContext, cell: HotspotCell): void {
  const t = ctx.strings
  // The service stores each incident's cells as parents of its res-9 cell (server/geo/h3-cells.ts);
  // H3 parents do not tile exactly, so the same rule keeps the list to the cell's count.
  const inCell = (page?.features ?? []).filter((f) => cellToParent(latLngToCell(f.geometry.coordinates[1], f.geometry.coordinates[0], 9), ctx.res) === cell.h3)
  section.dataset.state = 'ready'
  section.dataset.count = String(inCell.length)
  if (inCell.length === 0) {
    section.replaceChildren(h('h4', {}, t.incidentsTitle), h('p', { class: 'muted' }, t.incidentsNone))
    return
  }
  const shown = inCell.slice(0, INCIDENTS_SHOWN)
  section.replaceChildren(
    h('h4', {}, t.incidentsTitle, ' ', h('span', { class: 'muted' }, t.incidentsShown(shown.length, new Intl.NumberFormat(ctx.locale).format(Math.max(cell.n, inCell.length))))),
    h('ul', { class: 'incident-list' }, ...shown.map((f) => incidentItem(f.properties, ctx))),
  )
}

/** One incident: date, threat, counts, then its credit and source link. */
export function incidentItem(p: IncidentPage['features'][number]['properties'], ctx: Pick<CellPopupContext, 'strings' | 'locale' | 'threatName'>): HTMLElement {
  const counts = incidentCounts(p, ctx.strings, ctx.locale)
  const url = incidentSourceUrl(p.attrs)
  const demo = p.source_dataset === DEMO_DATASET
  return h('li', { class: demo ? 'incident is-demo' : 'incident', 'data-id': String(p.id) },
    h('span', { class: 'incident-date', dir: 'ltr' }, incidentDate(p)),
    ' ',
    h('span', { class: 'incident-threat' }, ctx.threatName(p.threat)),
    counts ? h('span', { class: 'incident-counts' }, ` · ${counts}`) : null,
    h('span', { class: 'incident-credit' }, demo ? ctx.strings.demoLabel : p.credit),
    originElement(p, ctx.locale as Locale),
    url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'incident-link' }, ctx.strings.sourceLink) : null,
  )
}
