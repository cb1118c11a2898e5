// Vector tiles of the basemap and catalogue layers. On the PostGIS server ST_AsMVT builds the
// tile; PGlite's PostGIS has no protobuf, so there the same rows go through geo/mvt.ts.
import type { Feature, Geometry } from 'geojson'
import { sqlFile } from '../db/sql-files.ts'
import type { Db } from '../db/types.ts'
import { cellToBoundary, cellToLatLng, getHexagonEdgeLengthAvg, UNITS } from 'h3-js'
import { resolutionForZoom } from '../../shared/h3-cells.ts'
import { encodeTile, TILE_BUFFER, TILE_EXTENT } from '../geo/mvt.ts'
import { tileBounds } from '../geo/tiles.ts'
import { aggregateCells, aggregateCellsFromRows, hotspotLimits, type CellAggregate, type SumField } from './hotspots.ts'
import type { IncidentFilter } from './incidents.ts'

export const TILE_LAYERS = ['countries', 'borders', 'places', 'routes', 'incidents'] as const
export type TileLayer = (typeof TILE_LAYERS)[number]

/** What a layer's tile keeps: routes whose period meets from..to (inclusive YYYY-MM-DD, null = open); incidents of an origin ('local' or an ISO3, null = all). */
export interface TileFilter {
  from: string | null
  to: string | null
  origin?: string | null
}

/** The highest zoom at which the incidents layer is one point per H3 cell (from the cell rollup); above it, the incidents. */
export const INCIDENT_CELLS_MAX_ZOOM = 8

/** Returns the MVT bytes of one layer's tile z/x/y; zero bytes when the tile is empty. */
export async function getTile(db: Db, layer: TileLayer, z: number, x: number, y: number, filter: TileFilter = { from: null, to: null }): Promise<Uint8Array> {
  // cells up to zoom 8; an origin filter (not a rollup dimension) counts them from the rows (aggregateCells)
  if (layer === 'incidents' && z <= INCIDENT_CELLS_MAX_ZOOM) return getIncidentCellTile(db, z, x, y, false, filter.origin ?? undefined)
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

/**
 * The incidents layer of tile z/x/y at zoom <= INCIDENT_CELLS_MAX_ZOOM: one point per H3 cell at
 * the zoom's resolution (shared/h3-cells.ts resolutionForZoom: 3..5), at the cell's centre, with
 * {h3, n (incidents), dead_missing (their sum)}. Counted as hotspot tiles count (whole cells, over
 * the tile widened by two cell edges), from the cell rollup (from the rows under an origin filter,
 * which the rollup does not carry); fromRows: the same from a GROUP BY of
 * the incidents (the equality tests and the bench compare the two).
 */
export async function getIncidentCellTile(db: Db, z: number, x: number, y: number, fromRows = false, origin?: string): Promise<Uint8Array> {
  const res = resolutionForZoom(z)
  const bbox = hotspotTileBbox(z, x, y, res)!
  const cells = fromRows ? await aggregateCellsFromRows(db, hotspotLimits(res).h3Res, { bbox, origin }, 'dead_missing', hotspotLimits(res).minCount) : await aggregateCells(db, res, { bbox, origin }, 'dead_missing')
  return encodeIncidentCells(db, z, x, y, cells)
}

/** The incidents layer of cells (value: their dead_missing sum) as points at the cells' centres, by ST_AsMVT on PostGIS, geo/mvt.ts on PGlite. */
async function encodeIncidentCells(db: Db, z: number, x: number, y: number, cells: CellAggregate[]): Promise<Uint8Array> {
  if (cells.length === 0) return new Uint8Array(0)
  const points = cells.map((c) => {
    const [lat, lng] = cellToLatLng(c.h3)
    return { h3: c.h3, n: c.n, dead_missing: c.value, lng, lat }
  })
  if (db.driver === 'pg') {
    const [row] = await db.query<{ tile: Uint8Array | null }>(sqlFile('tiles/incident-cells-mvt'), [z, x, y, JSON.stringify(points)])
    return row?.tile ?? new Uint8Array(0)
  }
  const features: Feature[] = points.map(({ lng, lat, ...properties }) => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lng, lat] } }))
  return encodeTile({ incidents: features }, z, x, y)
}
