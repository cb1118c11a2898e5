// The legend of a static map: one or more entries per layer actually drawn, never one for a
// layer that is not, so the legend always matches the picture.
import { FAMILIES, KINDS } from '../../../shared/vocabulary.ts'
import { routeColour } from '../../../shared/palette.ts'
import { BASEMAP_COLOURS as C } from '../../../shared/palette.ts'
import type { Language, MapLayer } from '../../../shared/map-state.ts'
import { CLASS_COLOURS, COUNT_RAMP, INCIDENT_COLOUR, PLAN_COLOUR, routeWidth, ZONE_COLOUR } from './overlays.ts'
import type { Rect } from './projection.ts'
import { words } from './strings.ts'
import { escapeXml, n1, textEl, textWidthPx } from './svg.ts'

export type LegendSymbol =
  | { type: 'line'; colour: string; dash?: 'dashed' }
  | { type: 'flow'; colour: string }
  | { type: 'fill'; colour: string; outline?: string; dashed?: boolean }
  | { type: 'dot'; colour: string }
  | { type: 'site'; colour: string; square?: boolean }

export interface LegendEntry {
  layer: MapLayer
  label: string
  symbol: LegendSymbol
}

/** What was drawn, layer by layer (absent = not drawn). */
export interface DrawnLayers {
  routes?: readonly { family: string; kind: string; segments?: readonly { kind: string }[] | null; flowShare?: number }[]
  /** the year whose published flows set the route widths, when a drawn route has one */
  flowYear?: number
  borders?: true
  places?: true
  zone?: true
  incidents?: { shown: number }
  hotspots?: { res: number; classes: readonly string[] } | { res: number; breaks: readonly number[] }
  plan?: { radiusKm: number; existing: boolean; new: boolean }
}

/** Legend entries for the layers drawn, in drawing order (bottom first). */
export function legendEntries(drawn: DrawnLayers, lang: Language): LegendEntry[] {
  const w = words(lang)
  const out: LegendEntry[] = []
  if (drawn.zone) out.push({ layer: 'zone', label: w.zone, symbol: { type: 'fill', colour: ZONE_COLOUR, outline: ZONE_COLOUR, dashed: true } })
  if (drawn.hotspots && 'classes' in drawn.hotspots) {
    for (const c of Object.keys(CLASS_COLOURS)) if (drawn.hotspots.classes.includes(c)) out.push({ layer: 'hotspots', label: w.hotspotClass[c], symbol: { type: 'fill', colour: CLASS_COLOURS[c] } })
  } else if (drawn.hotspots) {
    const b = drawn.hotspots.breaks
    const first = COUNT_RAMP.length - b.length
    b.forEach((hi, i) => {
      const lo = i === 0 ? 1 : b[i - 1] + 1
      const range = lo === hi ? `${hi}` : `${lo}–${hi}`
      out.push({ layer: 'hotspots', label: i === 0 ? `${w.hotspotCount(drawn.hotspots!.res)}: ${range}` : range, symbol: { type: 'fill', colour: COUNT_RAMP[first + i] } })
    })
  }
  if (drawn.borders) out.push({ layer: 'borders', label: w.borders, symbol: { type: 'line', colour: C.border, dash: 'dashed' } })
  if (drawn.routes) {
    const seen = new Set(drawn.routes.map((r) => (r.kind === 'migration' ? `family:${r.family}` : `kind:${r.kind}`)))
    for (const f of FAMILIES) if (seen.has(`family:${f}`)) out.push({ layer: 'routes', label: w.family[f], symbol: { type: 'line', colour: routeColour(f, 'migration') } })
    for (const k of KINDS) if (seen.has(`kind:${k}`)) out.push({ layer: 'routes', label: w.kind[k], symbol: { type: 'line', colour: routeColour('', k) } })
    // a route without legs is one schematic leg (see route-segments.ts)
    if (drawn.routes.some((r) => !r.segments?.length || r.segments.some((s) => s.kind === 'schematic'))) {
      out.push({ layer: 'routes', label: w.schematic, symbol: { type: 'line', colour: '#555555', dash: 'dashed' } })
    }
    if (drawn.flowYear !== undefined && drawn.routes.some((r) => (r.flowShare ?? 0) > 0)) {
      out.push({ layer: 'routes', label: w.flowWidth(drawn.flowYear), symbol: { type: 'flow', colour: '#555555' } })
    }
  }
  if (drawn.plan) {
    out.push({ layer: 'plan', label: w.coverage(drawn.plan.radiusKm), symbol: { type: 'fill', colour: PLAN_COLOUR, outline: PLAN_COLOUR, dashed: true } })
    if (drawn.plan.new) out.push({ layer: 'plan', label: w.planSites, symbol: { type: 'site', colour: PLAN_COLOUR } })
    if (drawn.plan.existing) out.push({ layer: 'plan', label: w.existingSites, symbol: { type: 'site', colour: '#3B342B', square: true } })
  }
  if (drawn.incidents) out.push({ layer: 'incidents', label: w.incidents(drawn.incidents.shown), symbol: { type: 'dot', colour: INCIDENT_COLOUR } })
  if (drawn.places) out.push({ layer: 'places', label: w.places, symbol: { type: 'dot', colour: C.placeDot } })
  return out
}

function symbolSvg(s: LegendSymbol, x: number, y: number, u: number): string {
  const [w, h] = [22 * u, 11 * u]
  if (s.type === 'line') return `<line x1="${n1(x)}" y1="${n1(y)}" x2="${n1(x + w)}" y2="${n1(y)}" stroke="${s.colour}" stroke-width="${n1(2.4 * u)}"${s.dash ? ` stroke-dasharray="${n1(5 * u)} ${n1(2.5 * u)}"` : ''}/>`
  // a thin line then a thick one: width grows with the published flow
  if (s.type === 'flow') {
    return `<line x1="${n1(x)}" y1="${n1(y)}" x2="${n1(x + w * 0.4)}" y2="${n1(y)}" stroke="${s.colour}" stroke-width="${n1(routeWidth(0, u))}"/>` +
      `<line x1="${n1(x + w * 0.55)}" y1="${n1(y)}" x2="${n1(x + w)}" y2="${n1(y)}" stroke="${s.colour}" stroke-width="${n1(routeWidth(1, u))}"/>`
  }
  if (s.type === 'fill') {
    const stroke = s.outline ? ` stroke="${s.outline}" stroke-width="${n1(1.2 * u)}"${s.dashed ? ` stroke-dasharray="${n1(3 * u)} ${n1(2 * u)}"` : ''}` : ''
    return `<rect x="${n1(x)}" y="${n1(y - h / 2)}" width="${n1(w)}" height="${n1(h)}" fill="${s.colour}" fill-opacity="${s.outline ? 0.15 : 0.78}"${stroke}/>`
  }
  if (s.type === 'dot') return `<circle cx="${n1(x + w / 2)}" cy="${n1(y)}" r="${n1(2.6 * u)}" fill="${s.colour}"/>`
  return s.square
    ? `<rect x="${n1(x + w / 2 - 4.5 * u)}" y="${n1(y - 4.5 * u)}" width="${n1(9 * u)}" height="${n1(9 * u)}" fill="${s.colour}"/>`
    : `<circle cx="${n1(x + w / 2)}" cy="${n1(y)}" r="${n1(5 * u)}" fill="${s.colour}"/>`
}

/** The legend box in the lower corner of the map (left, or right for Arabic); empty when no entry. */
export function legendSvg(entries: readonly LegendEntry[], map: Rect, lang: Language, u: number): { svg: string; box: Rect | null } {
  if (entries.length === 0) return { svg: '', box: null }
  const rtl = lang === 'ar'
  const [size, rowH, pad, symW, gap] = [10.5 * u, 17 * u, 9 * u, 22 * u, 7 * u]
  const title = words(lang).legend
  const textW = Math.max(textWidthPx(title, size * 1.1, 700), ...entries.map((e) => textWidthPx(e.label, size)))
  const width = pad * 2 + symW + gap + textW
  const height = pad * 2 + rowH * (entries.length + 1) - 4 * u
  const x = rtl ? map.x + map.width - width - 10 * u : map.x + 10 * u
  const y = map.y + map.height - height - 10 * u
  const rows = entries.map((e, i) => {
    const cy = y + pad + rowH * (i + 1) + rowH / 2 - 3 * u
    const symX = rtl ? x + width - pad - symW : x + pad
    const tx = rtl ? symX - gap : symX + symW + gap
    return `<g data-layer="${escapeXml(e.layer)}">${symbolSvg(e.symbol, symX, cy, u)}${textEl(e.label, { x: tx, y: cy + size * 0.36, sizePx: size, anchor: rtl ? 'end' : 'start', fill: '#2E2A25', lang })}</g>`
  })
  const svg =
    `<g class="legend"><rect x="${n1(x)}" y="${n1(y)}" width="${n1(width)}" height="${n1(height)}" rx="${n1(3 * u)}" fill="#FFFDF8" fill-opacity="0.93" stroke="#8C7F6B" stroke-width="${n1(0.8 * u)}"/>` +
    textEl(title, { x: rtl ? x + width - pad : x + pad, y: y + pad + size, sizePx: size * 1.1, weight: 700, anchor: rtl ? 'end' : 'start', fill: '#2E2A25', lang }) +
    rows.join('') +
    '</g>'
  return { svg, box: { x, y, width, height } }
}
