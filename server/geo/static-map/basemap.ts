// The basemap of a static map: sea, land (member states in sand, neighbours in ivory), coasts,
// country outlines, the land-borders layer and country labels in the map's language.
import { geoPath, type GeoProjection } from 'd3-geo'
import type { MultiLineString, MultiPolygon } from 'geojson'
import { BASEMAP_COLOURS as C } from '../../../shared/palette.ts'
import { countryLabelPoints } from '../../../shared/label-point.ts'
import type { Language } from '../../../shared/map-state.ts'
import { rewindForD3, type Rect } from './projection.ts'
import { n1, textEl, textWidthPx } from './svg.ts'

export interface BasemapCountry {
  iso3: string
  name_en: string
  name_fr: string
  name_ar: string
  member: boolean
  geometry: MultiPolygon
}

/** Boxes of labels already placed, so later labels that would overlap are left out. */
export class LabelBoxes {
  private boxes: Rect[] = []
  /** Reserves a box (legend, scale bar, north arrow) that no label may overlap. */
  block(box: Rect | null): void {
    if (box) this.boxes.push(box)
  }
  /** Claims the box unless it overlaps one already claimed or leaves the frame. */
  claim(box: Rect, frame: Rect): boolean {
    if (box.x < frame.x || box.y < frame.y || box.x + box.width > frame.x + frame.width || box.y + box.height > frame.y + frame.height) return false
    const hit = this.boxes.some((b) => box.x < b.x + b.width && b.x < box.x + box.width && box.y < b.y + b.height && b.y < box.y + box.height)
    if (!hit) this.boxes.push(box)
    return !hit
  }
}

/** Sea, land and outlines, drawn under everything else. */
export function basemapSvg(countries: readonly BasemapCountry[], projection: GeoProjection, rect: Rect): string {
  const path = geoPath(projection).digits(1)
  const land = (member: boolean) =>
    countries
      .filter((c) => c.member === member)
      .map((c) => path(rewindForD3(c.geometry)))
      .filter(Boolean)
      .join('')
  return [
    `<rect x="${n1(rect.x)}" y="${n1(rect.y)}" width="${n1(rect.width)}" height="${n1(rect.height)}" fill="${C.sea}"/>`,
    `<path d="${land(false)}" fill="${C.neighbourLand}" stroke="${C.coast}" stroke-width="0.6" stroke-linejoin="round"/>`,
    `<path d="${land(true)}" fill="${C.memberLand}" stroke="${C.coast}" stroke-width="0.6" stroke-linejoin="round"/>`,
  ].join('')
}

/** The land-borders layer: every border between two countries, dashed. */
export function bordersSvg(borders: readonly MultiLineString[], projection: GeoProjection, u: number): string {
  const path = geoPath(projection).digits(1)
  const d = borders.map((b) => path(b)).filter(Boolean).join('')
  return `<path d="${d}" fill="none" stroke="${C.border}" stroke-width="${n1(1.3 * u)}" stroke-dasharray="${n1(5 * u)} ${n1(2.5 * u)}" stroke-linejoin="round"/>`
}

/** Country names at each country's pole of inaccessibility, members larger; overlapping ones are left out. */
export function countryLabelsSvg(countries: readonly BasemapCountry[], projection: GeoProjection, rect: Rect, lang: Language, u: number, boxes: LabelBoxes): string {
  const points = countryLabelPoints({ type: 'FeatureCollection', features: countries.map((c) => ({ type: 'Feature', properties: c, geometry: c.geometry })) })
  const area = geoPath(projection).area
  const areaPx = new Map(countries.map((c) => [c.iso3, area(rewindForD3(c.geometry))]))
  const out: string[] = []
  for (const f of points.features) {
    const c = f.properties
    const xy = projection(f.geometry.coordinates as [number, number])
    if (!xy) continue
    const name = (lang === 'fr' ? c.name_fr : lang === 'ar' ? c.name_ar : c.name_en) || c.name_en
    const sizePx = (c.member ? 12.5 : 10.5) * u
    const upper = c.member && lang !== 'ar' ? name.toUpperCase() : name
    const w = textWidthPx(upper, sizePx, c.member ? 700 : 400) + (c.member && lang !== 'ar' ? upper.length * 0.08 * sizePx : 0)
    if (!c.member && (areaPx.get(c.iso3) ?? 0) < w * sizePx * 2) continue
    if (!boxes.claim({ x: xy[0] - w / 2, y: xy[1] - sizePx * 0.8, width: w, height: sizePx * 1.1 }, rect)) continue
    out.push(
      textEl(upper, {
        x: xy[0],
        y: xy[1] + sizePx * 0.35,
        sizePx,
        anchor: 'middle',
        weight: c.member ? 700 : 400,
        fill: c.member ? C.countryLabelMember : C.countryLabelNeighbour,
        halo: C.halo,
        lang,
        attrs: c.member && lang !== 'ar' ? `letter-spacing="${n1(0.08 * sizePx)}"` : undefined,
      }),
    )
  }
  return out.join('')
}
