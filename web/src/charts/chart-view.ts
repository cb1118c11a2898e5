// One chart on the page: the shared SVG (shared/charts/time-series.ts) in a figure, a tooltip
// with the values of the period under the pointer, and PNG, SVG and CSV downloads of exactly
// what is drawn.

import { formatValue, periodLabel, seriesCsv, timeSeriesSvg, type ChartSeries, type TimeSeriesChartOptions } from '../../../shared/charts/time-series.ts'
import { h } from '../ui/dom.ts'
import { chartFileName } from './chart-data.ts'
import { csvBlob, pngBlob, saveBlob, svgBlob } from './chart-files.ts'
import type { ChartStrings } from './strings.ts'

export interface ChartView {
  element: HTMLElement
  /** Draws a chart; downloads are named after `fileBase` and the periods. */
  show(chart: TimeSeriesChartOptions, fileBase: string): void
  /** A message in place of the chart (loading, empty, failed). */
  message(text: string, state: 'loading' | 'empty' | 'error'): void
}

/** An empty chart figure with the id `id`. */
export function createChartView(t: ChartStrings, id: string): ChartView {
  const host = h('div', { class: 'chart-svg' })
  const tooltip = h('div', { class: 'chart-tooltip', role: 'tooltip', hidden: true })
  const status = h('p', { class: 'chart-status muted', 'aria-live': 'polite' })
  let current: { chart: TimeSeriesChartOptions; svg: string; fileBase: string } | null = null
  const downloads = createDownloads(t, () => current && { svg: current.svg, widthPx: current.chart.widthPx, heightPx: current.chart.heightPx, periods: current.chart.periods, series: current.chart.series, fileBase: current.fileBase }, (message) => (status.textContent = message))
  const element = h('figure', { class: 'chart', id, 'data-state': 'empty' }, host, tooltip, status, downloads.element)

  const hideTooltip = () => {
    tooltip.hidden = true
    host.querySelector('rect.hover.is-active')?.classList.remove('is-active')
  }
  host.addEventListener('pointerleave', hideTooltip)
  host.addEventListener('pointermove', (event) => {
    const band = (event.target as Element).closest?.('rect.hover')
    if (!band || !current) return hideTooltip()
    const i = Number(band.getAttribute('data-i'))
    const { chart } = current
    host.querySelector('rect.hover.is-active')?.classList.remove('is-active')
    band.classList.add('is-active')
    tooltip.replaceChildren(
      h('strong', {}, periodLabel(chart.periods[i], chart.locale)),
      ...[...chart.series].reverse().map((s) => h('div', { class: 'chart-tooltip-row', 'data-key': s.key },
        h('span', { class: 'legend-swatch', style: `background:${s.color}`, 'aria-hidden': 'true' }),
        `${s.label}: `, h('b', {}, formatValue(s.values[i], chart.locale)))),
    )
    tooltip.hidden = false
    const box = element.getBoundingClientRect()
    const x = event.clientX - box.left
    const left = x + 14 + tooltip.offsetWidth > box.width ? x - 14 - tooltip.offsetWidth : x + 14
    tooltip.style.left = `${Math.max(0, left)}px`
    tooltip.style.top = `${Math.max(0, event.clientY - box.top - tooltip.offsetHeight - 8)}px`
  })

  return {
    element,
    show(chart, fileBase) {
      const svg = timeSeriesSvg(chart)
      current = { chart, svg, fileBase }
      // our own SVG text: every label in it went through escapeXml
      host.innerHTML = svg
      // the page shows its own tooltip; the titles stay in the downloaded SVG
      host.querySelectorAll('rect.hover > title').forEach((title) => title.remove())
      hideTooltip()
      status.textContent = ''
      element.dataset.state = 'ready'
      element.dataset.periods = String(chart.periods.length)
      element.dataset.total = String(chart.series.reduce((sum, s) => sum + s.values.reduce((a, v) => a + (Number.isFinite(v) ? v : 0), 0), 0))
      downloads.enable(chart.periods.length > 0)
    },
    message(text, state) {
      if (state !== 'loading') {
        current = null
        host.replaceChildren()
        downloads.enable(false)
      }
      hideTooltip()
      status.textContent = text
      element.dataset.state = state
    },
  }
}

/** What a download writes: the SVG as drawn, its size, and the data behind it. */
export interface ChartFile {
  svg: string
  widthPx: number
  heightPx: number
  periods: string[]
  series: ChartSeries[]
  fileBase: string
}

/** "Download: PNG SVG CSV" buttons for the chart `file()` returns (null: nothing to save); `onError` shows a failure. */
export function createDownloads(t: ChartStrings, file: () => ChartFile | null, onError: (message: string) => void): { element: HTMLElement; enable(on: boolean): void } {
  const button = (format: 'png' | 'svg' | 'csv') => h('button', { type: 'button', class: 'chart-download', 'data-format': format, disabled: true }, format.toUpperCase())
  const buttons = { png: button('png'), svg: button('svg'), csv: button('csv') }
  const save = async (format: 'png' | 'svg' | 'csv') => {
    const f = file()
    if (!f) return
    const name = chartFileName(f.fileBase, f.periods, format)
    if (format === 'svg') saveBlob(svgBlob(f.svg), name)
    else if (format === 'csv') saveBlob(csvBlob(seriesCsv(f.periods, f.series)), name)
    else saveBlob(await pngBlob(f.svg, f.widthPx, f.heightPx), name)
  }
  for (const format of ['png', 'svg', 'csv'] as const) {
    buttons[format].addEventListener('click', () => void save(format).catch((error: unknown) => onError(t.failed(error instanceof Error ? error.message : String(error)))))
  }
  return {
    element: h('div', { class: 'chart-downloads' }, h('span', { class: 'muted' }, `${t.download}:`), buttons.png, buttons.svg, buttons.csv),
    enable: (on) => Object.values(buttons).forEach((b) => (b.disabled = !on)),
  }
}
