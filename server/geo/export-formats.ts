// Writers of the map exports: records (flat properties + a geometry) as GeoJSON, CSV and KML 2.2.
// CSV cells are safe against spreadsheet formula injection; KML text is escaped. Each output
// re-imports through the project's own importers (server/geo/incident-parse) for point layers.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson'
import { csvCell } from './coverage/plan-export.ts'

export type ExportValue = string | number | boolean | null | readonly unknown[] | Record<string, unknown>

export interface ExportRecord {
  properties: Record<string, ExportValue>
  geometry: Geometry
  /** KML placemark name (left out when absent) */
  name?: string
  /** KML TimeStamp: a date, year-month or year */
  when?: string
}

/** A FeatureCollection of the records, with foreign members (credits, note) after the features. */
export function toGeoJson(records: readonly ExportRecord[], extra: Record<string, unknown> = {}): FeatureCollection & Record<string, unknown> {
  const features: Feature[] = records.map((r) => ({ type: 'Feature', properties: { ...r.properties }, geometry: r.geometry }))
  return { type: 'FeatureCollection', features, ...extra }
}

/** Well-known text of a geometry, coordinates as given. */
export function toWkt(g: Geometry): string {
  const pos = (p: Position) => `${p[0]} ${p[1]}`
  const line = (ps: Position[]) => `(${ps.map(pos).join(', ')})`
  const poly = (rings: Position[][]) => `(${rings.map(line).join(', ')})`
  switch (g.type) {
    case 'Point': return `POINT (${pos(g.coordinates)})`
    case 'LineString': return `LINESTRING ${line(g.coordinates)}`
    case 'Polygon': return `POLYGON ${poly(g.coordinates)}`
    case 'MultiPoint': return `MULTIPOINT (${g.coordinates.map((p) => `(${pos(p)})`).join(', ')})`
    case 'MultiLineString': return `MULTILINESTRING (${g.coordinates.map(line).join(', ')})`
    case 'MultiPolygon': return `MULTIPOLYGON (${g.coordinates.map(poly).join(', ')})`
    default: throw new Error(`toWkt: unsupported geometry ${g.type}`)
  }
}

/** One value as CSV: numbers and booleans as they are, lists joined with ";", objects as JSON, text through csvCell. */
export function csvValue(v: ExportValue | undefined): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (Array.isArray(v)) return csvCell(v.every((x) => typeof x !== 'object' || x === null) ? v.join(';') : JSON.stringify(v))
  if (typeof v === 'object') return csvCell(JSON.stringify(v))
  return csvCell(v as string)
}

/**
 * RFC 4180 CSV (CRLF): a column per property, in first-seen order; points add longitude and
 * latitude columns, other geometries a WKT column.
 */
export function toCsv(records: readonly ExportRecord[]): string {
  const columns: string[] = []
  const seen = new Set<string>()
  for (const r of records) for (const k of Object.keys(r.properties)) if (!seen.has(k)) (seen.add(k), columns.push(k))
  const points = records.every((r) => r.geometry.type === 'Point')
  const geoColumns = points ? ['longitude', 'latitude'] : ['wkt']
  const rows = records.map((r) => {
    const geo = points ? [String((r.geometry as { coordinates: Position }).coordinates[0]), String((r.geometry as { coordinates: Position }).coordinates[1])] : [csvCell(toWkt(r.geometry))]
    return [...columns.map((c) => csvValue(r.properties[c])), ...geo].join(',')
  })
  return [[...columns, ...geoColumns].map(csvCell).join(','), ...rows].join('\r\n') + '\r\n'
}

/** Escapes text for XML content and attributes. */
export const xmlText = (text: string) => text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)

const coords = (ps: Position[]) => ps.map((p) => `${p[0]},${p[1]}`).join(' ')
const ring = (ps: Position[], outer: boolean) => `<${outer ? 'outer' : 'inner'}BoundaryIs><LinearRing><coordinates>${coords(ps)}</coordinates></LinearRing></${outer ? 'outer' : 'inner'}BoundaryIs>`
const polygon = (rings: Position[][]) => `<Polygon>${rings.map((r, i) => ring(r, i === 0)).join('')}</Polygon>`

/** A geometry as KML 2.2 (multi-geometries as MultiGeometry). */
export function kmlGeometry(g: Geometry): string {
  switch (g.type) {
    case 'Point': return `<Point><coordinates>${g.coordinates[0]},${g.coordinates[1]}</coordinates></Point>`
    case 'LineString': return `<LineString><tessellate>1</tessellate><coordinates>${coords(g.coordinates)}</coordinates></LineString>`
    case 'Polygon': return polygon(g.coordinates)
    case 'MultiPoint': return `<MultiGeometry>${g.coordinates.map((p) => kmlGeometry({ type: 'Point', coordinates: p })).join('')}</MultiGeometry>`
    case 'MultiLineString': return `<MultiGeometry>${g.coordinates.map((l) => kmlGeometry({ type: 'LineString', coordinates: l })).join('')}</MultiGeometry>`
    case 'MultiPolygon': return `<MultiGeometry>${g.coordinates.map(polygon).join('')}</MultiGeometry>`
    default: throw new Error(`kmlGeometry: unsupported geometry ${g.type}`)
  }
}

const dataValue = (v: ExportValue) => (typeof v === 'object' && v !== null ? (Array.isArray(v) && v.every((x) => typeof x !== 'object') ? v.join(';') : JSON.stringify(v)) : String(v))

/** KML 2.2: a Document named `name` with the credits as its description and one Placemark per record. */
export function toKml(name: string, records: readonly ExportRecord[], description?: string): string {
  const placemarks = records.map((r) => {
    const data = Object.entries(r.properties)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `<Data name="${xmlText(k)}"><value>${xmlText(dataValue(v))}</value></Data>`)
      .join('')
    return `<Placemark>${r.name ? `<name>${xmlText(r.name)}</name>` : ''}${r.when ? `<TimeStamp><when>${xmlText(r.when)}</when></TimeStamp>` : ''}<ExtendedData>${data}</ExtendedData>${kmlGeometry(r.geometry)}</Placemark>`
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>',
    `<name>${xmlText(name)}</name>`,
    description ? `<description>${xmlText(description)}</description>` : '',
    ...placemarks,
    '</Document></kml>',
    '',
  ].filter((l) => l !== '').join('\n')
}
