// The route catalogue as GeoJSON features.
import type { Feature, LineString } from 'geojson'
import { sqlFile } from '../db/sql-files.ts'
import type { Db } from '../db/types.ts'

export interface RouteFilter {
  family?: string
  kind?: string
  threat?: string
  /** ISO3 of a country the route's line crosses. */
  country?: string
}

interface RouteRow {
  id: string
  name: string
  family: string
  kind: string
  threats: string[]
  direction: string
  confidence: string
  countries: string[]
  props: Record<string, unknown>
  geometry: LineString
  length_km: number
}

export type RouteFeature = Feature<LineString, Record<string, unknown>> & { id: string }

/** Catalogue routes matching every given filter, by id. */
export async function listRoutes(db: Db, filter: RouteFilter = {}): Promise<RouteFeature[]> {
  const rows = await db.query<RouteRow>(sqlFile('routes/list'), [
    filter.family ?? null,
    filter.kind ?? null,
    filter.threat ?? null,
    filter.country ?? null,
  ])
  return rows.map(toFeature)
}

/** One route by id, or null. */
export async function getRoute(db: Db, id: string): Promise<RouteFeature | null> {
  const [row] = await db.query<RouteRow>(sqlFile('routes/get'), [id])
  return row ? toFeature(row) : null
}

function toFeature({ geometry, props, length_km, ...columns }: RouteRow): RouteFeature {
  return {
    type: 'Feature',
    id: columns.id,
    properties: { ...props, ...columns, length_km: Math.round(length_km * 10) / 10 },
    geometry,
  }
}
