// Countries and their land borders as GeoJSON.
import type { Feature, MultiLineString, MultiPolygon } from 'geojson'
import { sqlFile } from '../db/sql-files.ts'
import type { Db } from '../db/types.ts'

/** Every country (display geometry), member states first. */
export async function listCountries(db: Db): Promise<Feature<MultiPolygon, Record<string, unknown>>[]> {
  const rows = await db.query<{ geometry: MultiPolygon } & Record<string, unknown>>(sqlFile('countries/list'))
  return rows.map(({ geometry, ...properties }) => ({ type: 'Feature', id: properties.iso3 as string, properties, geometry }))
}

/** Whether an ISO3 code names a loaded country. */
export async function countryExists(db: Db, iso3: string): Promise<boolean> {
  return (await db.query(sqlFile('countries/exists'), [iso3])).length > 0
}

/** Every land border with its ISO3 pair and geodesic length in km (one decimal). */
export async function listBorders(db: Db): Promise<Feature<MultiLineString, Record<string, unknown>>[]> {
  const rows = await db.query<{ a_iso3: string; b_iso3: string; length_km: number; geometry: MultiLineString }>(
    sqlFile('countries/borders'),
  )
  return rows.map(({ geometry, a_iso3, b_iso3, length_km }) => ({
    type: 'Feature',
    id: `${a_iso3}-${b_iso3}`,
    properties: { a_iso3, b_iso3, length_km: Math.round(length_km * 10) / 10 },
    geometry,
  }))
}
