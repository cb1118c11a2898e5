// A saved plan as files a GPS or GIS loads: GeoJSON (sites and their geodesic coverage circles),
// CSV (one row per site) and KML (a folder of sites and a folder of circles).
import type { Feature, FeatureCollection } from 'geojson'
import { csvCell } from '../../../shared/csv-cell.ts'
import { geodesicCircle } from '../../../shared/geodesic-circle.ts'

export interface ExportSite {
  order: number
  kind: 'existing' | 'new'
  name?: string | null
  lng: number
  lat: number
  h3: string | null
  country: string | null
  border_pair: string | null
  covered_demand: number
  marginal_gain: number
}

export interface ExportPlan {
  id: number
  name: string
  radius_km: number
  sites: readonly ExportSite[]
}

const label = (s: ExportSite) => s.name ?? `${s.kind === 'existing' ? 'Existing post' : 'Site'} ${s.order}`

/** Sites as points and their coverage as 64-vertex geodesic circles, in one FeatureCollection. */
export function planGeoJson(plan: ExportPlan): FeatureCollection {
  const features: Feature[] = []
  for (const s of plan.sites) {
    const properties = { plan_id: plan.id, ...s, name: label(s), radius_km: plan.radius_km }
    features.push({ type: 'Feature', properties: { role: 'site', ...properties }, geometry: { type: 'Point', coordinates: [s.lng, s.lat] } })
    features.push({ type: 'Feature', properties: { role: 'coverage', ...properties }, geometry: geodesicCircle([s.lng, s.lat], plan.radius_km, 64) })
  }
  return { type: 'FeatureCollection', features }
}

export { csvCell }

const CSV_COLUMNS = ['order', 'kind', 'name', 'lng', 'lat', 'h3', 'country', 'border_pair', 'radius_km', 'covered_demand', 'marginal_gain'] as const

/** One row per site (RFC 4180, CRLF); numbers as numbers, every text cell through csvCell. */
export function planCsv(plan: ExportPlan): string {
  const rows = plan.sites.map((s) => {
    const values: (string | number | null)[] = [s.order, s.kind, label(s), s.lng, s.lat, s.h3, s.country, s.border_pair, plan.radius_km, s.covered_demand, s.marginal_gain]
    return values.map((v) => (v === null ? '' : typeof v === 'number' ? String(v) : csvCell(v))).join(',')
  })
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n'
}

const xml = (text: string) => text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)

/** KML 2.2 with a folder of site placemarks and a folder of coverage circle polygons. */
export function planKml(plan: ExportPlan): string {
  const data = (s: ExportSite) =>
    `<ExtendedData>${(['order', 'kind', 'h3', 'country', 'border_pair', 'covered_demand', 'marginal_gain'] as const)
      .map((k) => `<Data name="${k}"><value>${xml(String(s[k] ?? ''))}</value></Data>`)
      .join('')}</ExtendedData>`
  const sites = plan.sites.map((s) => `<Placemark><name>${xml(label(s))}</name>${data(s)}<Point><coordinates>${s.lng},${s.lat}</coordinates></Point></Placemark>`)
  const circles = plan.sites.map((s) => {
    const ring = geodesicCircle([s.lng, s.lat], plan.radius_km, 64).coordinates[0].map((p) => `${p[0]},${p[1]}`).join(' ')
    return `<Placemark><name>${xml(`${label(s)}: ${plan.radius_km} km`)}</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${ring}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>',
    `<name>${xml(plan.name)}</name>`,
    `<Folder><name>Sites</name>${sites.join('')}</Folder>`,
    `<Folder><name>Coverage (${plan.radius_km} km)</name>${circles.join('')}</Folder>`,
    '</Document></kml>',
    '',
  ].join('\n')
}
