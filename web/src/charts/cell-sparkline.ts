// The sparkline of a hotspot cell's incidents per time bin in its popup (from
// `/api/hotspots/trends`), coloured by its emerging hot spot category, with the value of the bin
// under the pointer and PNG, SVG and CSV downloads. Time runs from the inline start (mirrored in
// Arabic).

import { formatValue, periodLabel, periodOf, sparklineSvg } from '../../../shared/charts/time-series.ts'
import { h } from '../ui/dom.ts'
import type { Locale } from '../ui/strings.ts'
import { createDownloads } from './chart-view.ts'
import type { ChartStrings } from './strings.ts'

export interface CellSparklineOptions {
  h3: string
  /** incidents per bin, aligned with `bins` */
  counts: number[]
  /** first day of each bin, ISO */
  bins: string[]
  bin: 'month' | 'quarter'
  /** the line's colour (the category's) */
  color: string
  strings: ChartStrings
  locale: Locale
}

const WIDTH_PX = 300
const HEIGHT_PX = 36

/** The bin under a pointer `x` px from the sparkline's left edge of `widthPx` (2 px padding each side). */
export function sparklineIndex(x: number, widthPx: number, count: number, rtl: boolean): number {
  if (count < 2) return 0
  const fromStart = rtl ? widthPx - x : x
  return Math.max(0, Math.min(count - 1, Math.round(((fromStart - 2) / (widthPx - 4)) * (count - 1))))
}

/** The sparkline element (not yet in the page). */
export function cellSparkline(o: CellSparklineOptions): HTMLElement {
  const t = o.strings
  const rtl = o.locale === 'ar'
  const periods = o.bins.map((b) => periodOf(b, o.bin))
  const svg = sparklineSvg(o.counts, { widthPx: WIDTH_PX, heightPx: HEIGHT_PX, color: o.color })
  const host = h('div', { class: 'sparkline-svg', style: rtl ? 'transform: scaleX(-1)' : undefined })
  // our own SVG text (numbers and a colour only)
  host.innerHTML = svg
  const readout = h('p', { class: 'sparkline-readout muted', 'aria-live': 'polite' }, '\u00a0')
  host.addEventListener('pointermove', (event) => {
    const box = host.getBoundingClientRect()
    const i = sparklineIndex(((event.clientX - box.left) / box.width) * WIDTH_PX, WIDTH_PX, o.counts.length, rtl)
    readout.textContent = `${periodLabel(periods[i], o.locale)}: ${formatValue(o.counts[i], o.locale)}`
    readout.dataset.i = String(i)
  })
  host.addEventListener('pointerleave', () => (readout.textContent = '\u00a0'))
  const downloads = createDownloads(t, () => ({
    svg, widthPx: WIDTH_PX, heightPx: HEIGHT_PX, periods, fileBase: `cell-${o.h3}`,
    series: [{ key: 'incidents', label: t.incidents, color: o.color, values: o.counts }],
  }), (message) => (readout.textContent = message))
  downloads.enable(periods.length > 0)
  return h('figure', { class: 'cell-sparkline', 'data-bins': String(o.counts.length), 'data-total': String(o.counts.reduce((a, b) => a + b, 0)), title: t.sparklineTitle }, host, readout, downloads.element)
}
