// Vector tiles of the basemap and catalogue layers. On the PostGIS server ST_AsMVT builds the
// tile; PGlite's PostGIS has no protobuf, so there the same rows go through geo/mvt.ts.
import type { Feature, Geometry } from 'geojson'
import { sqlFile } from '../db/sql-files.ts'
import type { Db } from '../db/types.ts'
import { cellToBoundary, getHexagonEdgeLengthAvg, UNITS } from 'h3-js'
import { encodeTile, TILE_BUFFER, TILE_EXTENT } from '../geo/mvt.ts'
import { tileBounds } from '../geo/tiles.ts'
import { aggregateCells, type SumField } from './hotspots.ts'
import type { IncidentFilter } from './incidents.ts'

export const TILE_LAYERS = ['countries', 'borders', 'places', 'routes', 'incidents'] as const
export type TileLayer = (typeof TILE_LAYERS)[number]

/** What a layer's tile keeps: routes whose period meets from..to (inclusive YYYY-MM-DD, null = open); incidents of an origin ('local' or an ISO3, null = all). */
export interface TileFilter {
  from: string | null
  to: string | null
  origin?: string | null
}

/** Returns the MVT bytes of one layer's tile z/x/y; zero bytes when the tile is empty. */
export async function getTile(db: Db, layer: TileLayer, z: number, x: number, y: number, filter: TileFilter = { from: null, to: null }): Promise<Uint8Array> {
  const params = layer === 'routes' ? [z, x, y, filter.from, filter.to] : layer === 'incidents' ? [z, x, y, filter.origin ?? null] : [z, x, y]
  if (db.driver === 'pg') {
    const [row] = await db.query<{ tile: Uint8Array | null }>(sqlFile(`tiles/${layer}-mvt`), params)
    return row?.tile ?? new Uint8Array(0)
  }
  const rows = await db.query<{ geometry: Geometry | null } & Record<string, unknown>>(sqlFile(`tiles/${layer}-features`), params)
  const features: Feature[] = []
  for (const { geometry, ...properties } of rows) {
    if (geometry && !isEmpty(geometry)) features.push({ type: 'Feature', properties, geometry })
  }
  return encodeTile({ [layer]: features }, z, x, y)
}

function isEmpty(geometry: Geometry): boolean {
  return geometry.type === 'GeometryCollection' ? geometry.geometries.length === 0 : geometry.coordinates.length === 0
}

/**
 * The hotspots layer of tile z/x/y: H3 cells at resolution h3Res as hexagons with {h3, value, n}.
 * Incidents are counted over the tile widened by two cell edges, so a cell cut by the tile edge
 * carries its whole count, the same in every tile it touches.
 */
export async function getHotspotTile(db: Db, z: number, x: number, y: number, h3Res: number, filter: IncidentFilter, sum: SumField | null): Promise<Uint8Array> {
  const bbox = hotspotTileBbox(z, x, y, h3Res, filter.bbox)
  if (!bbox) return new Uint8Array(0)
  const cells = await aggregateCells(db, h3Res, { ...filter, bbox }, sum)
  if (cells.length === 0) return new Uint8Array(0)
  const features: Feature[] = cells.map((c) => {
    const ring = cellToBoundary(c.h3, true)
    return { type: 'Feature', properties: { h3: c.h3, value: c.value, n: c.n }, geometry: { type: 'Polygon', coordinates: [ring] } }
  })
  if (db.driver === 'pg') {
    const rows = features.map((f) => ({ ...f.properties, geometry: f.geometry }))
    const [row] = await db.query<{ tile: Uint8Array | null }>(sqlFile('tiles/hotspots-mvt'), [z, x, y, JSON.stringify(rows)])
    return row?.tile ?? new Uint8Array(0)
  }
  return encodeTile({ hotspots: features }, z, x, y)
}

/** The bbox (degrees) a hotspot tile counts incidents over: the tile widened by two cell edges and the buffer, cut by the filter's bbox; null when they miss. */
export function hotspotTileBbox(z: number, x: number, y: number, h3Res: number, filterBbox?: [number, number, number, number]): [number, number, number, number] | null {
  const [w, s, e, n] = tileBounds(z, x, y)
  const buffer = ((e - w) * TILE_BUFFER) / TILE_EXTENT
  const maxLat = Math.min(85, Math.max(Math.abs(s), Math.abs(n)))
  const marginDeg = (2 * getHexagonEdgeLengthAvg(h3Res, UNITS.km)) / (111.32 * Math.cos((maxLat * Math.PI) / 180)) + buffer
  let bbox: [number, number, number, number] = [Math.max(-180, w - marginDeg), Math.max(-90, s - marginDeg), Math.min(180, e + marginDeg), Math.min(90, n + marginDeg)]
  if (filterBbox) {
    const [fw, fs, fe, fn] = filterBbox
    bbox = [Math.max(bbox[0], fw), Math.max(bbox[1], fs), Math.min(bbox[2], fe), Math.min(bbox[3], fn)]
    if (bbox[0] > bbox[2] || bbox[1] > bbox[3]) return null
  }
  return bbox
}
