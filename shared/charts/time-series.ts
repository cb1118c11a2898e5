// Time-series charts as SVG text, drawn by our own code so the web app (which also renders them
// to PNG in a canvas) and the server's report pipeline (resvg) draw the same chart: a line or
// stacked-bar chart over month or quarter periods, with nice y ticks, period labels, a legend and
// one hover target per period (its <title> lists the values), numbers and dates through Intl in
// English, French or Arabic; Arabic mirrors the layout (time runs right to left, the y axis on
// the right). NaN values are gaps: a broken line, no bar. Plus a sparkline and the CSV of a chart.
import { csvCell } from '../csv-cell.ts'
import type { Language } from '../map-state.ts'
import { escapeXml, n1, textEl as svgTextEl, textWidthPx } from '../svg-text.ts'
import { formatValue, niceTicks, PERIOD, periodLabel } from './scale.ts'

export { niceTicks, periodLabel, periodOf, periodStart, formatValue } from './scale.ts'

export interface ChartSeries {
  key: string
  label: string
  color: string
  /** one value per period, aligned with `periods`; NaN = no data */
  values: number[]
}

export interface TimeSeriesChartOptions {
  /** 'YYYY-MM' or 'YYYY-Qn', ascending */
  periods: string[]
  series: ChartSeries[]
  widthPx: number
  heightPx: number
  kind: 'line' | 'stacked-bar'
  /** number and date formatting (Intl); 'ar' mirrors the layout right to left */
  locale: Language
  title?: string
  /** a short caption of the y axis, written above it */
  yLabel?: string
  /** default 'Noto Sans, Noto Sans Arabic, sans-serif' */
  fontFamily?: string
}

/** Colours for series when the caller has none of its own (Okabe–Ito, then Tableau; colour-blind safe first). */
export const SERIES_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#8C6D31', '#000000', '#9467BD', '#7F7F7F', '#BCBD22', '#17BECF'] as const

const FONT_PX = 11
const TITLE_PX = 13
const INK = '#222'
const GRID = '#ddd'
const AXIS = '#888'

/** Where things go in a chart of the options' size, px: the plot box and the x of each period's centre. */
export interface ChartLayout {
  left: number
  right: number
  top: number
  bottom: number
  /** width of one period's band */
  bandPx: number
  ticks: number[]
  /** centre of period i (right to left in Arabic) */
  xOf: (i: number) => number
  /** y of a value */
  yOf: (v: number) => number
  legendRows: { key: string; label: string; color: string; x: number; y: number }[][]
  /** label every nth period so labels do not overlap */
  labelEvery: number
}

function checkOptions(o: TimeSeriesChartOptions): void {
  if (!(o.widthPx >= 80 && o.widthPx <= 10_000)) throw new Error(`widthPx must be between 80 and 10000, got ${o.widthPx}`)
  if (!(o.heightPx >= 60 && o.heightPx <= 10_000)) throw new Error(`heightPx must be between 60 and 10000, got ${o.heightPx}`)
  const bad = o.periods.find((p) => !PERIOD.test(p))
  if (bad !== undefined) throw new Error(`periods must be YYYY-MM or YYYY-Qn, got "${bad}"`)
  for (let i = 1; i < o.periods.length; i++) if (o.periods[i] <= o.periods[i - 1]) throw new Error(`periods must ascend, got ${o.periods[i - 1]} then ${o.periods[i]}`)
  const short = o.series.find((s) => s.values.length !== o.periods.length)
  if (short) throw new Error(`series "${short.key}" has ${short.values.length} values for ${o.periods.length} periods`)
}

/** The largest value the y axis must reach: the largest stack (stacked bars) or value (lines); NaN counts as nothing. */
export function valueMax(periods: readonly string[], series: readonly ChartSeries[], kind: TimeSeriesChartOptions['kind']): number {
  let max = 0
  for (let i = 0; i < periods.length; i++) {
    let stack = 0
    for (const s of series) {
      const v = s.values[i]
      if (!Number.isFinite(v)) continue
      stack = kind === 'stacked-bar' ? stack + Math.max(0, v) : Math.max(stack, v)
    }
    max = Math.max(max, stack)
  }
  return max
}

/** The layout of a chart: margins from the tick and legend text, the scales, the legend's rows. */
export function chartLayout(o: TimeSeriesChartOptions): ChartLayout {
  checkOptions(o)
  const rtl = o.locale === 'ar'
  const ticks = niceTicks(0, valueMax(o.periods, o.series, o.kind), Math.max(2, Math.min(6, Math.floor(o.heightPx / 40))))
  const tickW = Math.max(...ticks.map((t) => textWidthPx(formatValue(t, o.locale), FONT_PX)))
  const side = 8
  // legend rows, laid out from the start edge (left, or right in Arabic)
  const legendRows: ChartLayout['legendRows'] = [[]]
  let used = 0
  for (const s of o.series) {
    const w = 16 + textWidthPx(s.label, FONT_PX) + 14
    if (used > 0 && used + w > o.widthPx - 2 * side) (legendRows.push([]), (used = 0))
    legendRows.at(-1)!.push({ key: s.key, label: s.label, color: s.color, x: rtl ? o.widthPx - side - used : side + used, y: 0 })
    used += w
  }
  const legendH = o.series.length > 1 ? legendRows.length * 16 + 4 : 0
  const top = 8 + (o.title ? TITLE_PX + 8 : 0) + (o.yLabel ? FONT_PX + 6 : 0)
  const bottom = o.heightPx - 6 - legendH - FONT_PX - 8
  legendRows.forEach((row, r) => row.forEach((item) => (item.y = bottom + FONT_PX + 12 + r * 16 + 8)))
  const left = rtl ? side : side + tickW + 6
  const right = rtl ? o.widthPx - side - tickW - 6 : o.widthPx - side
  const n = Math.max(1, o.periods.length)
  const bandPx = (right - left) / n
  const maxLabelW = Math.max(0, ...o.periods.map((p) => textWidthPx(periodLabel(p, o.locale), FONT_PX)))
  const labelEvery = Math.max(1, Math.ceil((maxLabelW + 8) / bandPx))
  const top0 = ticks[0]
  const span = ticks.at(-1)! - top0
  return {
    left,
    right,
    top,
    bottom,
    bandPx,
    ticks,
    xOf: (i) => (rtl ? right - (i + 0.5) * bandPx : left + (i + 0.5) * bandPx),
    yOf: (v) => bottom - ((v - top0) / span) * (bottom - top),
    legendRows,
    labelEvery,
  }
}

/** The `d` of a line through the finite values, a new subpath after each NaN gap. */
export function linePath(values: readonly number[], xOf: (i: number) => number, yOf: (v: number) => number): string {
  let d = ''
  let pen = false
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) return void (pen = false)
    d += `${pen ? 'L' : 'M'}${n1(xOf(i))} ${n1(yOf(v))}`
    pen = true
  })
  return d
}

/** The stacked bars of period i: one rect per series with a value above 0, bottom up in series order. */
export function stackRects(series: readonly ChartSeries[], i: number, layout: Pick<ChartLayout, 'xOf' | 'yOf' | 'bandPx'>): { key: string; color: string; x: number; y: number; w: number; h: number }[] {
  const w = Math.max(1, Math.min(48, layout.bandPx * 0.72))
  const x = layout.xOf(i) - w / 2
  let base = 0
  const out = []
  for (const s of series) {
    const v = s.values[i]
    if (!Number.isFinite(v) || v <= 0) continue
    const y1 = layout.yOf(base)
    const y0 = layout.yOf(base + v)
    out.push({ key: s.key, color: s.color, x, y: y0, w, h: y1 - y0 })
    base += v
  }
  return out
}

const attr = (text: string) => escapeXml(text)

/** A line or stacked-bar chart of `series` over `periods` as a standalone SVG document (white background). */
export function timeSeriesSvg(o: TimeSeriesChartOptions): string {
  const L = chartLayout(o)
  const rtl = o.locale === 'ar'
  const font = o.fontFamily ?? 'Noto Sans, Noto Sans Arabic, sans-serif'
  const lang = o.locale
  // textEl picks a Latin or Arabic font stack per text; a caller's font family wins over both
  const textEl: typeof svgTextEl = o.fontFamily ? (t, opts) => svgTextEl(t, opts).replace(/font-family="[^"]*"/, `font-family="${attr(font)}"`) : svgTextEl
  const parts: string[] = [`<rect width="${o.widthPx}" height="${o.heightPx}" fill="#fff"/>`]
  const startX = rtl ? o.widthPx - 8 : 8
  const startAnchor = rtl ? 'end' : 'start'
  let y = 8
  if (o.title) parts.push(textEl(o.title, { x: startX, y: (y += TITLE_PX), sizePx: TITLE_PX, weight: 700, anchor: startAnchor, lang, attrs: 'class="chart-title"' })), (y += 8)
  if (o.yLabel) parts.push(textEl(o.yLabel, { x: rtl ? L.right : L.left, y: y + FONT_PX, sizePx: FONT_PX, anchor: rtl ? 'end' : 'start', fill: '#555', lang }))
  // y grid and tick labels (beside the axis: left, or right in Arabic)
  for (const t of L.ticks) {
    const ty = n1(L.yOf(t))
    parts.push(`<line x1="${n1(L.left)}" x2="${n1(L.right)}" y1="${ty}" y2="${ty}" stroke="${t === 0 ? AXIS : GRID}" stroke-width="1"/>`)
    parts.push(textEl(formatValue(t, o.locale), { x: rtl ? L.right + 6 : L.left - 6, y: L.yOf(t) + 4, sizePx: FONT_PX, anchor: rtl ? 'start' : 'end', fill: '#555', lang, attrs: `class="y-tick" data-value="${t}"` }))
  }
  // period labels
  o.periods.forEach((p, i) => {
    if (i % L.labelEvery !== 0) return
    parts.push(textEl(periodLabel(p, o.locale), { x: L.xOf(i), y: L.bottom + FONT_PX + 5, sizePx: FONT_PX, anchor: 'middle', fill: '#555', lang, attrs: `class="x-tick" data-period="${p}"` }))
  })
  // data
  if (o.kind === 'stacked-bar') {
    o.periods.forEach((_, i) => {
      for (const r of stackRects(o.series, i, L)) parts.push(`<rect class="bar" data-key="${attr(r.key)}" data-i="${i}" x="${n1(r.x)}" y="${n1(r.y)}" width="${n1(r.w)}" height="${n1(r.h)}" fill="${attr(r.color)}"/>`)
    })
  } else {
    for (const s of o.series) {
      parts.push(`<path class="line" data-key="${attr(s.key)}" d="${linePath(s.values, L.xOf, L.yOf)}" fill="none" stroke="${attr(s.color)}" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/>`)
      // a dot for each point, so a value between two gaps still shows
      if (L.bandPx >= 6) s.values.forEach((v, i) => Number.isFinite(v) && parts.push(`<circle cx="${n1(L.xOf(i))}" cy="${n1(L.yOf(v))}" r="2.2" fill="${attr(s.color)}"/>`))
    }
  }
  // legend
  if (o.series.length > 1) {
    for (const row of L.legendRows) {
      for (const item of row) {
        const sw = rtl ? item.x - 10 : item.x
        parts.push(`<rect x="${n1(sw)}" y="${n1(item.y - 9)}" width="10" height="10" fill="${attr(item.color)}"/>`)
        parts.push(textEl(item.label, { x: rtl ? item.x - 16 : item.x + 16, y: item.y, sizePx: FONT_PX, anchor: rtl ? 'end' : 'start', lang, attrs: `class="legend-item" data-key="${attr(item.key)}"` }))
      }
    }
  }
  // hover targets: one transparent band per period, its title listing the values
  o.periods.forEach((p, i) => {
    const lines = [periodLabel(p, o.locale), ...o.series.map((s) => `${s.label}: ${formatValue(s.values[i], o.locale)}`)]
    parts.push(`<rect class="hover" data-i="${i}" data-period="${p}" x="${n1(L.xOf(i) - L.bandPx / 2)}" y="${n1(L.top)}" width="${n1(L.bandPx)}" height="${n1(L.bottom - L.top)}" fill="transparent"><title>${escapeXml(lines.join('\n'))}</title></rect>`)
  })
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${o.widthPx}" height="${o.heightPx}" viewBox="0 0 ${o.widthPx} ${o.heightPx}" font-family="${attr(font)}" fill="${INK}" class="time-series-chart" data-kind="${o.kind}" role="img"` +
    `${o.title ? ` aria-label="${attr(o.title)}"` : ''}>${parts.join('')}</svg>`
  )
}

/** A sparkline: the values as one line (NaN = gap) scaled from 0 to their maximum, the last value dotted. */
export function sparklineSvg(values: number[], opts: { widthPx: number; heightPx: number; color: string }): string {
  const { widthPx: w, heightPx: h } = opts
  const max = Math.max(1, ...values.filter(Number.isFinite))
  const pad = 2
  const xOf = (i: number) => (values.length < 2 ? w / 2 : pad + (i * (w - 2 * pad)) / (values.length - 1))
  const yOf = (v: number) => h - pad - (v / max) * (h - 2 * pad)
  const last = values.length - 1
  const dot = last >= 0 && Number.isFinite(values[last]) ? `<circle cx="${n1(xOf(last))}" cy="${n1(yOf(values[last]))}" r="2" fill="${attr(opts.color)}"/>` : ''
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" class="sparkline">` +
    `<path d="${linePath(values, xOf, yOf)}" fill="none" stroke="${attr(opts.color)}" stroke-width="1.5" stroke-linejoin="round"/>${dot}</svg>`
  )
}

/** The chart's data as RFC 4180 CSV (CRLF): header `period,<key>…`, one row per period, NaN as an empty cell. */
export function seriesCsv(periods: string[], series: ChartSeries[]): string {
  const rows = [['period', ...series.map((s) => s.key)].map(csvCell).join(',')]
  periods.forEach((p, i) => rows.push([csvCell(p), ...series.map((s) => (Number.isFinite(s.values[i]) ? String(s.values[i]) : ''))].join(',')))
  return rows.join('\r\n') + '\r\n'
}
