// The small bar chart of a route's published yearly figures (route panel): one bar per year of
// one metric, drawn as SVG by our own code, numbers only (sources are listed beside it in HTML).

export interface FlowPoint {
  year: number
  value: number
}

const SVG_NS = 'http://www.w3.org/2000/svg'

/** Bar geometry for `points` in a `widthPx` x `heightPx` box (bottom 14 px for year labels), oldest year first. */
export function flowBars(points: readonly FlowPoint[], widthPx: number, heightPx: number): { year: number; value: number; x: number; y: number; w: number; h: number }[] {
  if (points.length === 0) return []
  const sorted = [...points].sort((a, b) => a.year - b.year)
  const max = Math.max(...sorted.map((p) => p.value), 1)
  const plotH = heightPx - 14
  const slot = widthPx / sorted.length
  const w = Math.max(2, Math.min(28, slot * 0.7))
  return sorted.map((p, i) => {
    const h = Math.round((p.value / max) * plotH * 10) / 10
    return { year: p.year, value: p.value, x: Math.round((i * slot + (slot - w) / 2) * 10) / 10, y: Math.round((plotH - h) * 10) / 10, w: Math.round(w * 10) / 10, h }
  })
}

/** An SVG element charting `points` (title per bar: year and value in `locale`). */
export function flowChart(points: readonly FlowPoint[], colour: string, locale: string, widthPx = 260, heightPx = 90): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg')
  svg.setAttribute('viewBox', `0 0 ${widthPx} ${heightPx}`)
  svg.setAttribute('width', String(widthPx))
  svg.setAttribute('height', String(heightPx))
  svg.setAttribute('class', 'flow-chart')
  svg.setAttribute('role', 'img')
  const fmt = new Intl.NumberFormat(locale)
  for (const bar of flowBars(points, widthPx, heightPx)) {
    const rect = document.createElementNS(SVG_NS, 'rect')
    for (const [k, v] of Object.entries({ x: bar.x, y: bar.y, width: bar.w, height: bar.h, fill: colour })) rect.setAttribute(k, String(v))
    const title = document.createElementNS(SVG_NS, 'title')
    title.textContent = `${bar.year}: ${fmt.format(bar.value)}`
    rect.append(title)
    const label = document.createElementNS(SVG_NS, 'text')
    for (const [k, v] of Object.entries({ x: bar.x + bar.w / 2, y: heightPx - 2, 'text-anchor': 'middle', 'font-size': 9 })) label.setAttribute(k, String(v))
    label.textContent = `’${String(bar.year).slice(2)}`
    svg.append(rect, label)
  }
  return svg
}
