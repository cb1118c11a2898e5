// Place search over the GeoNames towns and curated desert hubs.
import type { Feature, Point } from 'geojson'
import { sqlFile } from '../db/sql-files.ts'
import type { Db } from '../db/types.ts'
import { searchKey } from '../geo/search-key.ts'

export interface PlaceQuery {
  q?: string
  /** [west, south, east, north] in degrees */
  bbox?: [number, number, number, number]
  limit: number
}

interface PlaceRow {
  id: number
  name: string
  alt_names: string[]
  iso2: string | null
  iso3: string | null
  rank: number
  source: string
  citation: string | null
  lng: number
  lat: number
}

/** Places matching the name query within the bbox, best matches first. */
export async function searchPlaces(db: Db, query: PlaceQuery): Promise<Feature<Point, Record<string, unknown>>[]> {
  const key = query.q === undefined ? null : searchKey(query.q)
  const [w, s, e, n] = query.bbox ?? [null, null, null, null]
  const rows = await db.query<PlaceRow>(sqlFile('places/search'), [key || null, w, s, e, n, query.limit])
  return rows.map(({ lng, lat, ...properties }) => ({
    type: 'Feature',
    id: properties.id,
    properties,
    geometry: { type: 'Point', coordinates: [lng, lat] },
  }))
}
