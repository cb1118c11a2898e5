// The data layers of a static map, each an SVG string: routes (coloured as in the web app),
// the operational zone, places, incidents, hotspot cells (H3 hexagons) and a patrol plan
// (sites and their geodesic reach).
import { geoPath, type GeoProjection } from 'd3-geo'
import type { LineString, MultiPolygon } from 'geojson'
import { cellToBoundary } from 'h3-js'
import { BASEMAP_COLOURS as C, routeColour } from '../../../shared/palette.ts'
import { geodesicCircle } from '../../../shared/geodesic-circle.ts'
import { splitSegments, type SegmentRef } from '../../../shared/route-segments.ts'
import { MAX_FLOW_EXTRA_PX } from '../../../shared/route-flows.ts'
import type { Language } from '../../../shared/map-state.ts'
import type { LabelBoxes } from './basemap.ts'
import { rewindForD3, type Rect } from './projection.ts'
import { n1, textEl, textWidthPx } from './svg.ts'

export interface MapRoute {
  id: string
  family: string
  kind: string
  confidence: string
  geometry: LineString
  /** legs as vertex ranges (track, schematic, sea); absent = one schematic leg */
  segments?: readonly SegmentRef[] | null
  /** share (0..1) of the largest published flow of the map's year: widens the line, as on the web map */
  flowShare?: number
}
export interface MapPlace {
  name: string
  /** 0 capital, 1 hub */
  rank: number
  lng: number
  lat: number
}
export interface MapCell {
  h3: string
  value: number
  class?: string
}
export interface MapPlanSite {
  order: number
  kind: 'existing' | 'new'
  lng: number
  lat: number
}
export interface MapPlan {
  id: number
  name: string
  radiusKm: number
  sites: readonly MapPlanSite[]
}

export const ZONE_COLOUR = '#8B1E3F'
export const INCIDENT_COLOUR = '#4B2C7F'
export const PLAN_COLOUR = '#0F6B4F'
/** ColorBrewer Reds, 5 classes: incidents per cell. */
export const COUNT_RAMP = ['#fcbba1', '#fc9272', '#fb6a4a', '#de2d26', '#a50f15'] as const
/** Gi* classes, hot red to cold blue (ColorBrewer RdBu); not significant cells are not drawn. */
export const CLASS_COLOURS: Readonly<Record<string, string>> = {
  hot_99: '#b2182b', hot_95: '#ef8a62', hot_90: '#fddbc7', cold_90: '#d1e5f0', cold_95: '#67a9cf', cold_99: '#2166ac',
}

/** Dash of a route by confidence, as in the web app: solid, dashed, dotted. */
export function routeDash(confidence: string, u: number): string | null {
  return confidence === 'high' ? null : confidence === 'medium' ? `${n1(7 * u)} ${n1(3.5 * u)}` : `${n1(2 * u)} ${n1(3 * u)}`
}

/** Dash of one leg: a schematic leg is always dashed (never solid), whatever the confidence. */
export function legDash(leg: string, confidence: string, u: number): string | null {
  const dash = routeDash(confidence, u)
  return leg === 'schematic' && dash === null ? `${n1(7 * u)} ${n1(3.5 * u)}` : dash
}

/** Line width of a route with `flowShare` (0..1) of the year's largest published flow, in units of `u`. */
export function routeWidth(flowShare: number, u: number): number {
  return (2.4 + MAX_FLOW_EXTRA_PX * flowShare) * u
}

/** Routes over a light casing, in id order; each leg drawn on its own, schematic legs dashed. */
export function routesSvg(routes: readonly MapRoute[], projection: GeoProjection, u: number): string {
  const path = geoPath(projection).digits(1)
  const casing: string[] = []
  const lines: string[] = []
  for (const r of [...routes].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    for (const { leg, geometry } of splitSegments(r.geometry, r.segments)) {
      const d = path(geometry)
      if (!d) continue
      const dash = legDash(leg, r.confidence, u)
      casing.push(d)
      const width = r.flowShare ? ` stroke-width="${n1(routeWidth(r.flowShare, u))}"` : ''
      lines.push(`<path data-route="${r.id}" data-leg="${leg}" d="${d}" stroke="${routeColour(r.family, r.kind)}"${width}${dash ? ` stroke-dasharray="${dash}"` : ''}/>`)
    }
  }
  return (
    `<path d="${casing.join('')}" fill="none" stroke="${C.halo}" stroke-opacity="0.8" stroke-width="${n1(4.6 * u)}" stroke-linecap="round" stroke-linejoin="round"/>` +
    `<g fill="none" stroke-width="${n1(2.4 * u)}" stroke-linecap="round" stroke-linejoin="round">${lines.join('')}</g>`
  )
}

/** The operational zone: a dashed outline over a faint tint. */
export function zoneSvg(zone: MultiPolygon, projection: GeoProjection, u: number): string {
  const d = geoPath(projection).digits(1)(rewindForD3(zone)) ?? ''
  return `<path d="${d}" fill="${ZONE_COLOUR}" fill-opacity="0.07" stroke="${ZONE_COLOUR}" stroke-width="${n1(1.6 * u)}" stroke-dasharray="${n1(8 * u)} ${n1(4 * u)}"/>`
}

/** Capitals and hubs: a dot and the name to its right, where it does not overlap another label. */
export function placesSvg(places: readonly MapPlace[], projection: GeoProjection, rect: Rect, lang: Language, u: number, boxes: LabelBoxes): string {
  const out: string[] = []
  for (const p of places) {
    const xy = projection([p.lng, p.lat])
    if (!xy) continue
    const sizePx = (p.rank === 0 ? 10.5 : 9.5) * u
    const r = (p.rank === 0 ? 2.8 : 2) * u
    const w = textWidthPx(p.name, sizePx)
    if (!boxes.claim({ x: xy[0] - r, y: xy[1] - sizePx * 0.75, width: w + 3 * r, height: sizePx * 1.2 }, rect)) continue
    out.push(`<circle cx="${n1(xy[0])}" cy="${n1(xy[1])}" r="${n1(r)}" fill="${C.placeDot}" stroke="${C.halo}" stroke-width="${n1(0.8 * u)}"/>`)
    out.push(textEl(p.name, { x: xy[0] + 2 * r, y: xy[1] + sizePx * 0.35, sizePx, fill: C.placeLabel, halo: C.halo, lang: lang === 'ar' ? 'en' : lang }))
  }
  return out.join('')
}

/** Incidents as small dots, in the order given. */
export function incidentsSvg(points: readonly { lng: number; lat: number }[], projection: GeoProjection, rect: Rect, u: number): string {
  const dots: string[] = []
  const r = n1(1.7 * u)
  for (const p of points) {
    const xy = projection([p.lng, p.lat])
    if (!xy || xy[0] < rect.x || xy[1] < rect.y || xy[0] > rect.x + rect.width || xy[1] > rect.y + rect.height) continue
    dots.push(`<circle cx="${n1(xy[0])}" cy="${n1(xy[1])}" r="${r}"/>`)
  }
  return `<g fill="${INCIDENT_COLOUR}" fill-opacity="0.75" stroke="${C.halo}" stroke-width="${n1(0.4 * u)}">${dots.join('')}</g>`
}

/** Upper bounds of 5 classes of counts from 1 to max, growing geometrically; distinct and increasing. */
export function countBreaks(max: number): number[] {
  const out: number[] = []
  for (let i = 1; i <= 5; i++) {
    const b = i === 5 ? max : Math.max(1, Math.round(max ** (i / 5)))
    if (out.length === 0 || b > out[out.length - 1]) out.push(b)
  }
  return out
}

/** The fill of each cell: its Gi* class colour, or its count class on COUNT_RAMP; null = not drawn. */
export function cellFill(cell: MapCell, breaks: readonly number[]): string | null {
  if (cell.class !== undefined) return CLASS_COLOURS[cell.class] ?? null
  const i = breaks.findIndex((b) => cell.value <= b)
  return COUNT_RAMP[COUNT_RAMP.length - breaks.length + (i < 0 ? breaks.length - 1 : i)]
}

/** Hotspot cells as hexagons, one path per fill colour. */
export function hotspotsSvg(cells: readonly MapCell[], breaks: readonly number[], projection: GeoProjection, u: number): string {
  const path = geoPath(projection).digits(1)
  const byFill = new Map<string, string[]>()
  for (const c of cells) {
    const fill = cellFill(c, breaks)
    if (!fill) continue
    const d = path(rewindForD3({ type: 'Polygon', coordinates: [cellToBoundary(c.h3, true)] }))
    if (d) byFill.set(fill, [...(byFill.get(fill) ?? []), d])
  }
  return [...byFill.keys()]
    .sort()
    .map((fill) => `<path d="${byFill.get(fill)!.join('')}" fill="${fill}" fill-opacity="0.78" stroke="#ffffff" stroke-opacity="0.5" stroke-width="${n1(0.3 * u)}"/>`)
    .join('')
}

/** A patrol plan: each site's geodesic reach (64-point circle), then the sites, numbered. */
export function planSvg(plan: MapPlan, projection: GeoProjection, u: number): string {
  const path = geoPath(projection).digits(1)
  const circles = plan.sites.map((s) => path(rewindForD3(geodesicCircle([s.lng, s.lat], plan.radiusKm, 64)))).filter(Boolean)
  const sites = plan.sites.map((s) => {
    const xy = projection([s.lng, s.lat])
    if (!xy) return ''
    const [x, y] = xy
    const r = 6 * u
    const shape =
      s.kind === 'existing'
        ? `<rect x="${n1(x - r * 0.8)}" y="${n1(y - r * 0.8)}" width="${n1(1.6 * r)}" height="${n1(1.6 * r)}" fill="#3B342B"/>`
        : `<circle cx="${n1(x)}" cy="${n1(y)}" r="${n1(r)}" fill="${PLAN_COLOUR}"/>`
    return `<g stroke="#ffffff" stroke-width="${n1(1.2 * u)}">${shape}</g>${textEl(String(s.order), { x, y: y + 3.3 * u, sizePx: 9 * u, anchor: 'middle', weight: 700, fill: '#ffffff', lang: 'en' })}`
  })
  return (
    `<path d="${circles.join('')}" fill="${PLAN_COLOUR}" fill-opacity="0.1" stroke="${PLAN_COLOUR}" stroke-width="${n1(1.3 * u)}" stroke-dasharray="${n1(4 * u)} ${n1(2.5 * u)}"/>` +
    sites.join('')
  )
}
