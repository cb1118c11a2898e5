// What each exported layer writes: flat records (properties + geometry) of routes, incidents and
// hotspot cells, named so that the project's importers find every field again (incident ids as
// `id`, dates at their precision, threats as `threat`, counts as `dead` and `quantity`).
import type { Feature, LineString, Point } from 'geojson'
import { cellToBoundary } from 'h3-js'
import type { ExportRecord, ExportValue } from './export-formats.ts'

/** An incident's date written at its precision: 2022-03-14, 2022-03 or 2022 (what the importers read back). */
export function dateAtPrecision(date: string, precision: string): string {
  return precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date
}

/** Incident columns in export order (origin_*: received from a partner deployment, absent when made here); attrs follow, flattened (those clashing with a column are prefixed attr_). */
const INCIDENT_COLUMNS = ['threat', 'geo_precision', 'dead', 'missing', 'dead_missing', 'survivors', 'quantity', 'route', 'route_family', 'source_dataset', 'credit', 'origin_state', 'origin_agency'] as const

/** Incidents (GET /api/incidents features) as records: id is the source's own id. */
export function incidentRecords(features: readonly Feature<Point, Record<string, unknown>>[]): ExportRecord[] {
  return features.map((f) => {
    const p = f.properties
    const date = dateAtPrecision(p.date as string, p.date_precision as string)
    const properties: Record<string, ExportValue> = { id: p.source_id as string, date }
    for (const c of INCIDENT_COLUMNS) if (p[c] !== null && p[c] !== undefined) properties[c] = p[c] as ExportValue
    for (const [k, v] of Object.entries((p.attrs ?? {}) as Record<string, ExportValue>)) {
      properties[k in properties || k === 'longitude' || k === 'latitude' ? `attr_${k}` : k] = v
    }
    return { properties, geometry: f.geometry, when: date }
  })
}

/** Route columns in export order (those POST /api/routes takes, then derived ones). */
const ROUTE_COLUMNS = ['id', 'name', 'family', 'kind', 'threats', 'forced', 'direction', 'confidence', 'valid_from', 'valid_to', 'status', 'description', 'confidence_note', 'countries', 'length_km', 'sources', 'waypoints', 'origin_state', 'origin_agency'] as const

/** Catalogue routes (GET /api/routes features) as records named by route name. */
export function routeRecords(features: readonly Feature<LineString, Record<string, unknown>>[]): ExportRecord[] {
  return features.map((f) => {
    const properties: Record<string, ExportValue> = {}
    for (const c of ROUTE_COLUMNS) if (f.properties[c] !== undefined && f.properties[c] !== null) properties[c] = f.properties[c] as ExportValue
    return { properties, geometry: f.geometry, name: f.properties.name as string }
  })
}

/** Hotspot cells as hexagon polygons (H3 boundaries, closed, counter-clockwise) with their values. */
export function hotspotRecords(res: number, cells: readonly { h3: string; n: number; value: number; z?: number; p?: number; q?: number; class?: string }[]): ExportRecord[] {
  return cells.map((c) => {
    const properties: Record<string, ExportValue> = { h3: c.h3, res, n: c.n, value: c.value }
    for (const k of ['z', 'p', 'q', 'class'] as const) if (c[k] !== undefined) properties[k] = typeof c[k] === 'number' ? Math.round((c[k] as number) * 1e6) / 1e6 : c[k]!
    const ring = cellToBoundary(c.h3, true)
    return { properties, geometry: { type: 'Polygon', coordinates: [ring] }, name: c.h3 }
  })
}
