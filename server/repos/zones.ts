// The operational zone(s).
import type { Feature, MultiPolygon } from 'geojson'
import { sqlFile } from '../db/sql-files.ts'
import type { Db } from '../db/types.ts'

/** The operational zone the secretariat covers; geodesic area in km². */
export const OPERATIONAL_ZONE_ID = 'sahel-sahara'

/** One zone with its geodesic area in km², or null. */
export async function getZone(db: Db, id: string = OPERATIONAL_ZONE_ID): Promise<Feature<MultiPolygon, Record<string, unknown>> | null> {
  const [row] = await db.query<{ id: string; name: string; definition: string; geometry: MultiPolygon; area_km2: number }>(
    sqlFile('zones/get'),
    [id],
  )
  if (!row) return null
  const { geometry, area_km2, ...properties } = row
  return { type: 'Feature', id: row.id, properties: { ...properties, area_km2: Math.round(area_km2) }, geometry }
}
