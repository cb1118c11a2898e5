// The chart panel over the map: incidents per month or quarter for the map state's filters and
// time range (whole region), split by threat, route family, country or origin instance, with
// dead and missing as a second chart. Opened from the map toolbar; while open it follows the time
// slider and the filters (one request a moment after the last change).

import type { StateStore } from '../state/state-store.ts'
import { h } from '../ui/dom.ts'
import type { Locale } from '../ui/strings.ts'
import { casualtyChartSeries, chartKey, incidentChartSeries, seriesUrl, type KeyNames, type SeriesAnswer } from './chart-data.ts'
import { createChartView } from './chart-view.ts'
import type { ChartSplit, ChartStrings } from './strings.ts'
import { getJson } from '../hotspots/hotspots-api.ts'

/** How long the panel waits after a map-state change before asking, ms. */
export const REFRESH_DELAY_MS = 300

const SPLITS: ChartSplit[] = ['none', 'threat', 'family', 'country', 'origin']

export interface ChartPanelOptions {
  store: StateStore
  /** the map area, which the panel sits in */
  container: HTMLElement
  /** the map toolbar, which gets the "Charts" button */
  toolbar: HTMLElement
  strings: ChartStrings
  locale: Locale
  names: KeyNames
}

/** Adds the "Charts" button and its panel (closed). */
export function initChartPanel(o: ChartPanelOptions): { open(): void; close(): void } {
  const t = o.strings
  const select = <T extends string>(id: string, values: readonly T[], label: (v: T) => string, initial: T) =>
    h('select', { id, class: 'chart-select' }, ...values.map((v) => h('option', { value: v, selected: v === initial }, label(v))))
  const bucket = select('chart-bucket', ['month', 'quarter'] as const, (b) => t.buckets[b], 'month')
  const split = select('chart-split', SPLITS, (s) => t.splits[s], 'threat')
  const incidents = createChartView(t, 'chart-incidents')
  const casualties = createChartView(t, 'chart-casualties')
  const notes = h('p', { class: 'chart-notes muted', id: 'chart-notes' })
  const closeButton = h('button', { type: 'button', class: 'panel-close', 'aria-label': t.close, title: t.close }, '×')
  const panel = h('section', { id: 'chart-panel', class: 'chart-panel', hidden: true, 'aria-labelledby': 'chart-panel-title' },
    h('header', { class: 'chart-panel-header' },
      h('h2', { id: 'chart-panel-title', class: 'chart-panel-title' }, t.panelTitle),
      h('label', { class: 'chart-field' }, h('span', {}, t.bucketLabel), bucket),
      h('label', { class: 'chart-field' }, h('span', {}, t.splitLabel), split),
      closeButton),
    h('div', { class: 'chart-row' }, incidents.element, casualties.element),
    notes)
  o.container.append(panel)
  const toggle = h('button', { type: 'button', class: 'tool-button', id: 'charts-button', 'aria-pressed': 'false', 'aria-controls': 'chart-panel' }, t.button)
  o.toolbar.append(h('div', { class: 'toolbar-group', id: 'charts-tool' }, toggle))

  let request: AbortController | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let lastUrl = ''

  async function refresh(): Promise<void> {
    if (panel.hidden) return
    const state = o.store.get()
    const url = seriesUrl(state, { bucket: bucket.value as 'month' | 'quarter', split: split.value as ChartSplit, lang: o.locale })
    if (url === lastUrl) return
    lastUrl = url
    request?.abort()
    const controller = new AbortController()
    request = controller
    incidents.message(t.loading, 'loading')
    casualties.message(t.loading, 'loading')
    panel.dataset.url = url
    try {
      const answer = await getJson<SeriesAnswer>(url, controller.signal)
      draw(answer)
      panel.dataset.state = 'ready'
    } catch (error) {
      if (controller.signal.aborted) return
      lastUrl = ''
      incidents.message(t.failed(error instanceof Error ? error.message : String(error)), 'error')
      casualties.message('', 'empty')
      panel.dataset.state = 'error'
    }
  }

  function draw(answer: SeriesAnswer): void {
    const widthPx = Math.max(300, panel.clientWidth - 30)
    const base = { periods: answer.periods, widthPx, locale: o.locale }
    const series = incidentChartSeries(answer, o.names)
    if (answer.periods.length === 0 || series.length === 0) incidents.message(t.empty, 'empty')
    else incidents.show({ ...base, heightPx: 250, series, kind: 'stacked-bar', title: t.incidentsTitle(answer.bucket) }, `incidents-${answer.split}`)
    const dm = casualtyChartSeries(answer, t)
    if (dm.length === 0 || answer.periods.length === 0) casualties.message(t.noCasualties, 'empty')
    else casualties.show({ ...base, heightPx: 160, series: dm, legend: true, kind: 'line', title: t.casualtiesTitle }, 'dead-missing')
    const fmt = new Intl.NumberFormat(o.locale)
    notes.textContent = [t.scope, answer.year_precise > 0 ? t.yearPrecise(fmt.format(answer.year_precise)) : ''].filter(Boolean).join(' ')
  }

  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(() => void refresh(), REFRESH_DELAY_MS)
  }
  let seen = chartKey(o.store.get())
  o.store.subscribe((s) => {
    const key = chartKey(s)
    if (key === seen) return
    seen = key
    schedule()
  })
  bucket.addEventListener('change', () => void refresh())
  split.addEventListener('change', () => void refresh())

  const setOpen = (open: boolean) => {
    panel.hidden = !open
    toggle.setAttribute('aria-pressed', String(open))
    if (open) void refresh()
    else (request?.abort(), (lastUrl = ''))
  }
  toggle.addEventListener('click', () => setOpen(panel.hidden))
  closeButton.addEventListener('click', () => setOpen(false))
  panel.addEventListener('keydown', (event) => event.key === 'Escape' && setOpen(false))
  return { open: () => setOpen(true), close: () => setOpen(false) }
}
