// Map furniture: classification banners, title block, north arrow, geodesic scale bar and the
// footer with the date and data credits. Positions mirror for Arabic (right-to-left).
import type { GeoProjection } from 'd3-geo'
import { distanceKm } from '../../../shared/great-circle.ts'
import type { Language } from '../../../shared/map-state.ts'
import type { Rect } from './projection.ts'
import { longDate, words } from './strings.ts'
import { n1, textEl, textWidthPx, wrapText } from './svg.ts'

export const BANNER_COLOUR = '#7A1F1F'

/** A classification banner across the whole width, at y. */
export function bannerSvg(text: string, y: number, widthPx: number, heightPx: number, lang: Language, u: number): string {
  return (
    `<g class="banner"><rect x="0" y="${n1(y)}" width="${n1(widthPx)}" height="${n1(heightPx)}" fill="${BANNER_COLOUR}"/>` +
    textEl(text, { x: widthPx / 2, y: y + heightPx / 2 + 4.3 * u, sizePx: 12 * u, weight: 700, anchor: 'middle', fill: '#ffffff', lang, attrs: `letter-spacing="${n1(1.5 * u)}"` }) +
    '</g>'
  )
}

/** Title and subtitle at the top, aligned to the reading side. */
export function titleSvg(title: string | null, subtitle: string | null, box: Rect, lang: Language, u: number): string {
  const rtl = lang === 'ar'
  const x = rtl ? box.x + box.width : box.x
  const anchor = rtl ? 'end' : 'start'
  let y = box.y
  const out: string[] = []
  if (title) {
    y += 20 * u
    out.push(textEl(title, { x, y, sizePx: 20 * u, weight: 700, anchor, fill: '#1F1B16', lang, attrs: 'class="title"' }))
  }
  if (subtitle) {
    y += 18 * u
    out.push(textEl(subtitle, { x, y, sizePx: 13 * u, anchor, fill: '#4A4238', lang, attrs: 'class="subtitle"' }))
  }
  return out.join('')
}

/** Height of the title block for these texts. */
export const titleHeight = (title: string | null, subtitle: string | null, u: number) => (title ? 20 * u : 0) + (subtitle ? 18 * u : 0) + (title || subtitle ? 12 * u : 0)

/** A north arrow in the upper corner of the map (right, or left for Arabic). Web Mercator: north is up everywhere. */
export function northArrowSvg(map: Rect, lang: Language, u: number): { svg: string; box: Rect } {
  const cx = lang === 'ar' ? map.x + 22 * u : map.x + map.width - 22 * u
  const top = map.y + 12 * u
  const [h, w] = [26 * u, 9 * u]
  const box = { x: cx - w - 4 * u, y: top - 4 * u, width: 2 * w + 8 * u, height: h + 20 * u }
  const svg = (
    `<g class="north-arrow"><path d="M${n1(cx)} ${n1(top)}L${n1(cx + w)} ${n1(top + h)}L${n1(cx)} ${n1(top + h * 0.72)}Z" fill="#2E2A25"/>` +
    `<path d="M${n1(cx)} ${n1(top)}L${n1(cx - w)} ${n1(top + h)}L${n1(cx)} ${n1(top + h * 0.72)}Z" fill="#FFFDF8" stroke="#2E2A25" stroke-width="${n1(0.9 * u)}"/>` +
    textEl(words(lang).north, { x: cx, y: top + h + 13 * u, sizePx: 11 * u, weight: 700, anchor: 'middle', fill: '#2E2A25', halo: '#FFFDF8', lang }) +
    '</g>'
  )
  return { svg, box }
}

/** The largest 1, 2 or 5 × 10^k not above x (x > 0). */
export function niceBelow(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x))
  return [5, 2, 1].map((m) => m * p).find((v) => v <= x) ?? p
}

/**
 * A scale bar in the lower corner of the map (right, or left for Arabic): a round distance in km,
 * measured on the sphere (great circle) along the bar's own latitude, where Mercator's scale holds.
 */
export function scaleBarSvg(projection: GeoProjection, map: Rect, lang: Language, u: number): { svg: string; km: number; box: Rect | null } {
  const y = map.y + map.height - 22 * u
  const cx = map.x + map.width / 2
  const a = projection.invert!([cx - 50, y])
  const b = projection.invert!([cx + 50, y])
  if (!a || !b) return { svg: '', km: 0, box: null }
  const kmPerPx = distanceKm(a, b) / 100
  const km = niceBelow(Math.min(150 * u, map.width / 4) * kmPerPx)
  const barPx = km / kmPerPx
  const rtl = lang === 'ar'
  const x0 = rtl ? map.x + 14 * u : map.x + map.width - 14 * u - barPx
  const h = 5 * u
  const half = barPx / 2
  const size = 10 * u
  const label = (x: number, text: string) => textEl(text, { x, y: y - 4 * u, sizePx: size, anchor: 'middle', fill: '#2E2A25', halo: '#FFFDF8', lang: 'en' })
  const unit = words(lang).km
  return {
    km,
    box: { x: x0 - 14 * u, y: y - 16 * u, width: barPx + 36 * u, height: 24 * u },
    svg:
      `<g class="scale-bar"><rect x="${n1(x0)}" y="${n1(y)}" width="${n1(half)}" height="${n1(h)}" fill="#2E2A25"/>` +
      `<rect x="${n1(x0 + half)}" y="${n1(y)}" width="${n1(half)}" height="${n1(h)}" fill="#FFFDF8" stroke="#2E2A25" stroke-width="${n1(0.8 * u)}"/>` +
      `<rect x="${n1(x0)}" y="${n1(y)}" width="${n1(barPx)}" height="${n1(h)}" fill="none" stroke="#2E2A25" stroke-width="${n1(0.8 * u)}"/>` +
      label(x0, '0') +
      label(x0 + half, String(km / 2)) +
      textEl(`${km} ${unit}`, { x: x0 + barPx, y: y - 4 * u, sizePx: size, anchor: 'middle', fill: '#2E2A25', halo: '#FFFDF8', lang }) +
      '</g>',
  }
}

/** Footer lines: credits wrapped on the reading side (at most maxLines, shrinking the text to fit), the date on the other. */
export function footerLayout(credits: readonly string[], date: string, widthPx: number, lang: Language, u: number, maxLines: number): { lines: string[]; dateText: string; sizePx: number } {
  const w = words(lang)
  const dateText = `${w.date}: ${longDate(date, lang)}`
  const text = `${w.sources}: ${credits.join(' · ')}`
  let sizePx = 9.5 * u
  let lines: string[] = []
  for (; sizePx >= 6 * u; sizePx -= 0.5 * u) {
    lines = wrapText(text, sizePx, widthPx - 44 * u - textWidthPx(dateText, sizePx))
    if (lines.length <= maxLines) break
  }
  return { lines: lines.slice(0, maxLines), dateText, sizePx }
}

/** The footer under the map. */
export function footerSvg(layout: ReturnType<typeof footerLayout>, top: number, widthPx: number, lang: Language, u: number): string {
  const rtl = lang === 'ar'
  const size = layout.sizePx
  const [start, end] = rtl ? [widthPx - 10 * u, 10 * u] : [10 * u, widthPx - 10 * u]
  const lines = layout.lines.map((line, i) =>
    textEl(line, { x: start, y: top + size * (1.05 + 1.35 * i), sizePx: size, anchor: rtl ? 'end' : 'start', fill: '#4A4238', lang, attrs: 'class="credits"' }),
  )
  return `<g class="footer">${lines.join('')}${textEl(layout.dateText, { x: end, y: top + size * 1.05, sizePx: size, anchor: rtl ? 'start' : 'end', fill: '#4A4238', lang, attrs: 'class="date"' })}</g>`
}
