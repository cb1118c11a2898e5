// Encodes GeoJSON features (lng/lat) into one Mapbox Vector Tile. The embedded driver uses this
// because PGlite's PostGIS is built without protobuf (no ST_AsMVT); the server driver's tiles come
// from ST_AsMVT, and the integration tests check that both decode to the same features.
import GeoJSONVT from 'geojson-vt'
import vtpbf from 'vt-pbf'
import type { Feature } from 'geojson'

/** Tile extent and buffer in tile units, the same as the SQL path's ST_AsMVTGeom(…, 4096, 64). */
export const TILE_EXTENT = 4096
export const TILE_BUFFER = 64

/** Encodes each named layer's features into the MVT of tile z/x/y; empty layers are left out. */
export function encodeTile(layers: Record<string, Feature[]>, z: number, x: number, y: number): Uint8Array {
  const tiles: Record<string, { features: unknown[] }> = {}
  for (const [name, features] of Object.entries(layers)) {
    if (features.length === 0) continue
    const index = new GeoJSONVT(
      { type: 'FeatureCollection', features },
      // tolerance 0: no simplification beyond the integer grid, like ST_AsMVTGeom
      { maxZoom: z, indexMaxZoom: 0, tolerance: 0, extent: TILE_EXTENT, buffer: TILE_BUFFER },
    )
    const tile = index.getTile(z, x, y)
    if (tile && tile.features.length > 0) tiles[name] = tile
  }
  if (Object.keys(tiles).length === 0) return new Uint8Array(0)
  return vtpbf.fromGeojsonVt(tiles as never, { version: 2, extent: TILE_EXTENT })
}
