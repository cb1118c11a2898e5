// Vector tiles of the basemap and catalogue layers. On the PostGIS server ST_AsMVT builds the
// tile; PGlite's PostGIS has no protobuf, so there the same rows go through geo/mvt.ts.
import type { Feature, Geometry } from 'geojson'
import { sqlFile } from '../db/sql-files.ts'
import type { Db } from '../db/types.ts'
import { encodeTile } from '../geo/mvt.ts'

export const TILE_LAYERS = ['countries', 'borders', 'places', 'routes'] as const
export type TileLayer = (typeof TILE_LAYERS)[number]

/** Returns the MVT bytes of one layer's tile z/x/y; zero bytes when the tile is empty. */
export async function getTile(db: Db, layer: TileLayer, z: number, x: number, y: number): Promise<Uint8Array> {
  if (db.driver === 'pg') {
    const [row] = await db.query<{ tile: Uint8Array | null }>(sqlFile(`tiles/${layer}-mvt`), [z, x, y])
    return row?.tile ?? new Uint8Array(0)
  }
  const rows = await db.query<{ geometry: Geometry | null } & Record<string, unknown>>(sqlFile(`tiles/${layer}-features`), [z, x, y])
  const features: Feature[] = []
  for (const { geometry, ...properties } of rows) {
    if (geometry && !isEmpty(geometry)) features.push({ type: 'Feature', properties, geometry })
  }
  return encodeTile({ [layer]: features }, z, x, y)
}

function isEmpty(geometry: Geometry): boolean {
  return geometry.type === 'GeometryCollection' ? geometry.geometries.length === 0 : geometry.coordinates.length === 0
}
