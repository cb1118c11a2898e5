// A static map as one SVG string: the frame and projection first (they decide which data is
// fetched), then basemap, data layers, legend and furniture. Pure and deterministic: the same
// input gives the same string, so the same state and date give the same SVG and PNG bytes.
import type { GeoProjection } from 'd3-geo'
import type { MultiLineString, MultiPolygon } from 'geojson'
import { SYNTHETIC_CREDIT } from '../synthetic.ts'
import type { Bbox } from '../../../shared/bbox.ts'
import type { MapLayer, MapState } from '../../../shared/map-state.ts'
import { basemapSvg, bordersSvg, countryLabelsSvg, LabelBoxes, type BasemapCountry } from './basemap.ts'
import { bannerSvg, footerLayout, footerSvg, northArrowSvg, scaleBarSvg, titleHeight, titleSvg } from './furniture.ts'
import { legendEntries, legendSvg, type DrawnLayers, type LegendEntry } from './legend.ts'
import { cellFill, countBreaks, hotspotsSvg, incidentsSvg, placesSvg, planSvg, routesSvg, zoneSvg, type MapCell, type MapPlace, type MapPlan, type MapRoute } from './overlays.ts'
import { fitProjection, visibleBbox, type Rect } from './projection.ts'
import { words } from './strings.ts'
import { escapeXml, n1, xmlSafe } from './svg.ts'

export interface StaticMapOptions {
  state: MapState
  widthPx: number
  heightPx: number
  title: string | null
  subtitle: string | null
  /** classification text drawn top and bottom, e.g. RESTRICTED */
  banner: string | null
  /** YYYY-MM-DD printed on the map */
  date: string
}

/** Where things go: the map rectangle, its projection and what it shows. */
export interface StaticMapFrame {
  options: StaticMapOptions
  /** size unit: 1 at about 900 × 560 px */
  u: number
  /** too small for furniture: the map alone */
  compact: boolean
  bannerPx: number
  titleBox: Rect
  map: Rect
  footerTop: number
  projection: GeoProjection
  bbox: Bbox
}

/** The data of the layers; a layer is drawn when the state asks for it and it has something. */
export interface StaticMapData {
  countries: readonly BasemapCountry[]
  borders?: readonly MultiLineString[]
  routes?: readonly MapRoute[]
  /** the year whose published flows set the routes' `flowShare` */
  flowYear?: number
  zone?: MultiPolygon | null
  places?: readonly MapPlace[]
  incidents?: readonly { lng: number; lat: number }[]
  hotspots?: { res: number; cells: readonly MapCell[] }
  plan?: MapPlan | null
  /** credit lines of the datasets of the incidents drawn (points or cells) */
  incidentCredits: readonly { dataset: string; credit: string }[]
}

export interface StaticMap {
  svg: string
  legend: LegendEntry[]
  /** the layers drawn, bottom first */
  layers: MapLayer[]
  credits: string[]
}

/** The footer holds two lines of credits; longer credits shrink to fit. */
const FOOTER_LINES = 2

/** Lays out the picture and fits the projection to the state's view. */
export function staticMapFrame(options: StaticMapOptions): StaticMapFrame {
  const { widthPx: W, heightPx: H } = options
  const u = Math.min(4, Math.max(0.6, Math.min(W / 900, H / 560)))
  const compact = W < 320 || H < 220
  const bannerPx = options.banner && H >= 100 ? 20 * u : 0
  const margin = compact ? 0 : 10 * u
  const headPx = compact ? 0 : titleHeight(options.title, options.subtitle, u)
  const footPx = compact ? 0 : 12 * u + FOOTER_LINES * 9.5 * u * 1.35
  const titleBox = { x: margin, y: bannerPx + 4 * u, width: W - 2 * margin, height: headPx }
  const top = bannerPx + (headPx > 0 ? headPx + 4 * u : margin)
  const map = { x: margin, y: top, width: W - 2 * margin, height: Math.max(1, H - top - footPx - bannerPx) }
  const projection = fitProjection(options.state.view, map)
  return { options, u, compact, bannerPx, titleBox, map, footerTop: map.y + map.height + 2 * u, projection, bbox: visibleBbox(projection, map) }
}

/** The credit lines for what is drawn, in the map's language where they are ours. */
export function creditsFor(layers: readonly MapLayer[], data: StaticMapData, state: MapState): string[] {
  const c = words(state.lang).credits
  const out = [c.naturalEarth]
  if (layers.includes('places')) out.push(c.geonames)
  if (layers.includes('routes')) out.push(c.catalogue)
  if (layers.includes('incidents') || layers.includes('hotspots')) {
    for (const s of data.incidentCredits) out.push(s.credit === SYNTHETIC_CREDIT ? c.synthetic : s.credit)
  }
  return out
}

/** Renders the map: same frame and data, same string. */
export function renderStaticMap(frame: StaticMapFrame, data: StaticMapData): StaticMap {
  const { options, u, map, projection } = frame
  const { state, widthPx: W, heightPx: H } = options
  const on = (l: MapLayer) => state.layers.includes(l)
  const lang = state.lang
  const drawn: DrawnLayers = {}
  const layers: MapLayer[] = []
  const parts: string[] = []
  const group = (layer: MapLayer, svg: string) => {
    layers.push(layer)
    parts.push(`<g data-layer="${layer}">${svg}</g>`)
  }
  const boxes = new LabelBoxes()

  parts.push(basemapSvg(data.countries, projection, map))
  if (on('zone') && data.zone) {
    drawn.zone = true
    group('zone', zoneSvg(data.zone, projection, u))
  }
  if (on('hotspots') && data.hotspots) {
    const gi = data.hotspots.cells.some((c) => c.class !== undefined)
    const breaks = countBreaks(Math.max(1, ...data.hotspots.cells.map((c) => c.value)))
    const cells = data.hotspots.cells.filter((c) => cellFill(c, breaks) !== null)
    if (cells.length > 0) {
      drawn.hotspots = gi ? { res: data.hotspots.res, classes: [...new Set(cells.map((c) => c.class!))] } : { res: data.hotspots.res, breaks }
      group('hotspots', hotspotsSvg(cells, breaks, projection, u))
    }
  }
  if (on('borders') && data.borders?.length) {
    drawn.borders = true
    group('borders', bordersSvg(data.borders, projection, u))
  }
  if (on('routes') && data.routes?.length) {
    drawn.routes = data.routes
    if (data.flowYear !== undefined) drawn.flowYear = data.flowYear
    group('routes', routesSvg(data.routes, projection, u))
  }
  if (on('plan') && data.plan && data.plan.sites.length > 0) {
    drawn.plan = { radiusKm: data.plan.radiusKm, existing: data.plan.sites.some((s) => s.kind === 'existing'), new: data.plan.sites.some((s) => s.kind === 'new') }
    group('plan', planSvg(data.plan, projection, u))
  }
  if (on('incidents') && data.incidents?.length) {
    drawn.incidents = { shown: data.incidents.length }
    group('incidents', incidentsSvg(data.incidents, projection, map, u))
  }
  if (on('places') && data.places?.length) drawn.places = true
  const legend = frame.compact ? [] : legendEntries(drawn, lang)
  const furniture = frame.compact ? [] : [northArrowSvg(map, lang, u), scaleBarSvg(projection, map, lang, u), legendSvg(legend, map, lang, u)]
  for (const f of furniture) boxes.block(f.box)
  const labels = countryLabelsSvg(data.countries, projection, map, lang, u, boxes)
  if (drawn.places) group('places', placesSvg(data.places!, projection, map, lang, u, boxes))
  parts.push(labels)
  const credits = creditsFor(layers, data, state)
  const title = options.title ?? state.title
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" xml:lang="${lang}">`,
    title ? `<title>${escapeXml(xmlSafe(title))}</title>` : '',
    `<defs><clipPath id="map-frame"><rect x="${n1(map.x)}" y="${n1(map.y)}" width="${n1(map.width)}" height="${n1(map.height)}"/></clipPath></defs>`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<g clip-path="url(#map-frame)">${parts.join('')}</g>`,
  ]
  if (!frame.compact) {
    out.push(`<rect x="${n1(map.x)}" y="${n1(map.y)}" width="${n1(map.width)}" height="${n1(map.height)}" fill="none" stroke="#5C5246" stroke-width="${n1(u)}"/>`)
    out.push(titleSvg(title, options.subtitle, frame.titleBox, lang, u))
    out.push(...furniture.map((f) => f.svg))
    out.push(footerSvg(footerLayout(credits, options.date, W, lang, u, FOOTER_LINES), frame.footerTop, W, lang, u))
  }
  if (frame.bannerPx > 0) out.push(bannerSvg(options.banner!, 0, W, frame.bannerPx, lang, u), bannerSvg(options.banner!, H - frame.bannerPx, W, frame.bannerPx, lang, u))
  out.push('</svg>')
  return { svg: out.join(''), legend, layers, credits }
}
