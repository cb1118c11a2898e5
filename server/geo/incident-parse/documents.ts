// Whole-document formats: GeoJSON, KML and GPX. Each point feature, placemark or waypoint is one
// incident, its attributes found as in a generic CSV; `line` is the 1-based feature number.
import { XMLParser } from 'fast-xml-parser'
import { contentIds } from './fields.ts'
import { locateFields, recordToIncident } from './record.ts'
import type { ParseOptions, RowResult } from './types.ts'

type Json = Record<string, any>

function pointResult(names: string[], values: unknown[], line: number, options: ParseOptions, rowId: (c: readonly string[]) => string, point: [number, number]): RowResult {
  let where
  try {
    where = locateFields(names, options.mapping)
  } catch (err) {
    return { line, field: 'mapping', reason: (err as Error).message }
  }
  return recordToIncident(names, values, line, where, options, rowId, point)
}

function lngLat(coords: unknown): [number, number] | null {
  if (!Array.isArray(coords) || coords.length < 2) return null
  const [lng, lat] = coords.map(Number)
  return Number.isFinite(lng) && Number.isFinite(lat) ? [lng, lat] : null
}

/** Incidents from a GeoJSON FeatureCollection (or one Feature); non-point features are rejected. */
export function parseGeoJson(text: string, options: ParseOptions = {}): RowResult[] {
  let doc: Json
  try {
    doc = JSON.parse(text)
  } catch (err) {
    throw new Error(`GeoJSON: not valid JSON (${(err as Error).message})`)
  }
  const features: Json[] = doc?.type === 'FeatureCollection' && Array.isArray(doc.features) ? doc.features : doc?.type === 'Feature' ? [doc] : []
  if (features.length === 0 && doc?.type !== 'FeatureCollection') throw new Error(`GeoJSON: expected a FeatureCollection or Feature, got type ${JSON.stringify(doc?.type)}`)
  const rowId = contentIds('feature-')
  return features.map((f, i) => {
    const line = i + 1
    const point = f?.geometry?.type === 'Point' ? lngLat(f.geometry.coordinates) : null
    if (!point) return { line, field: 'geometry', reason: `only Point features are incidents, got ${f?.geometry?.type ?? 'no geometry'}` }
    const props: Json = { ...(f.properties ?? {}) }
    if (f.id !== undefined && props.id === undefined) props.id = f.id
    return pointResult(Object.keys(props), Object.values(props), line, options, rowId, point)
  })
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => ['Placemark', 'Folder', 'Document', 'Data', 'SimpleData', 'wpt', 'trk', 'rte'].includes(name),
})

function text(v: unknown): string {
  if (v === undefined || v === null) return ''
  if (typeof v === 'object') return text((v as Json)['#text'])
  return String(v).trim()
}

function placemarks(node: Json | undefined, out: Json[]): Json[] {
  if (!node || typeof node !== 'object') return out
  for (const p of node.Placemark ?? []) out.push(p)
  for (const child of [...(node.Document ?? []), ...(node.Folder ?? [])]) placemarks(child, out)
  return out
}

/** Incidents from KML placemarks with a Point; ExtendedData (Data, SimpleData) gives attributes. */
export function parseKml(source: string, options: ParseOptions = {}): RowResult[] {
  const doc = xml.parse(source) as Json
  if (!doc.kml) throw new Error('KML: no <kml> root element')
  const rowId = contentIds('placemark-')
  return placemarks(doc.kml, []).map((p, i) => {
    const line = i + 1
    const coords = text(p.Point?.coordinates).split(/[\s,]+/).filter(Boolean).map(Number)
    const point = p.Point ? lngLat(coords) : null
    if (!point) return { line, field: 'Point', reason: 'only placemarks with a Point are incidents' }
    const props: Json = {}
    if (p['@id']) props.id = p['@id']
    if (text(p.name)) props.name = text(p.name)
    if (text(p.description)) props.description = text(p.description)
    const when = text(p.TimeStamp?.when) || text(p.TimeSpan?.begin)
    if (when) props.date = when
    for (const d of p.ExtendedData?.Data ?? []) props[d['@name']] = text(d.value)
    for (const sd of [p.ExtendedData?.SchemaData].flat()) for (const d of sd?.SimpleData ?? []) props[d['@name']] = text(d)
    return pointResult(Object.keys(props), Object.values(props), line, options, rowId, point)
  })
}

/** Incidents from GPX waypoints (name, desc, time, type); tracks and routes are rejected. */
export function parseGpx(source: string, options: ParseOptions = {}): RowResult[] {
  const doc = xml.parse(source) as Json
  if (!doc.gpx) throw new Error('GPX: no <gpx> root element')
  const rowId = contentIds('wpt-')
  const results: RowResult[] = (doc.gpx.wpt ?? []).map((w: Json, i: number) => {
    const props: Json = {}
    for (const key of ['name', 'desc', 'time', 'type', 'cmt', 'sym']) if (text(w[key])) props[key] = text(w[key])
    for (const [k, v] of Object.entries(w.extensions ?? {})) if (typeof v !== 'object') props[k] = text(v)
    if (props.time !== undefined && props.date === undefined) {
      props.date = props.time
      delete props.time
    }
    return pointResult(Object.keys(props), Object.values(props), i + 1, options, rowId, [Number(w['@lon']), Number(w['@lat'])])
  })
  const others = [...(doc.gpx.trk ?? []), ...(doc.gpx.rte ?? [])]
  for (let i = 0; i < others.length; i++) {
    results.push({ line: results.length + 1, field: 'trk', reason: 'tracks and routes are not incidents; only waypoints (<wpt>) are imported' })
  }
  return results
}
