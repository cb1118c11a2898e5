import { VectorTile } from '@mapbox/vector-tile'
import { PbfReader } from 'pbf'
import { describe, expect, it } from 'vitest'
import { encodeTile } from './mvt.ts'
import { tileBounds } from './tiles.ts'

const agadez = { type: 'Feature' as const, properties: { name: 'Agadez', rank: 1 }, geometry: { type: 'Point' as const, coordinates: [7.99, 16.97] } }

describe('encodeTile', () => {
  it('encodes a point with its attributes into the named layer', () => {
    const tile = new VectorTile(new PbfReader(encodeTile({ places: [agadez] }, 6, 33, 28)))
    const layer = tile.layers.places
    expect(layer.length).toBe(1)
    expect(layer.feature(0).properties).toEqual({ name: 'Agadez', rank: 1 })
  })

  it('places the point where the tile says it is, within one tile unit', () => {
    const tile = new VectorTile(new PbfReader(encodeTile({ places: [agadez] }, 6, 33, 28)))
    const [lng, lat] = (tile.layers.places.feature(0).toGeoJSON(33, 28, 6).geometry as { coordinates: number[] }).coordinates
    const [w, , e] = tileBounds(6, 33, 28)
    const unitDeg = (e - w) / 4096
    expect(Math.abs(lng - 7.99)).toBeLessThan(unitDeg)
    expect(Math.abs(lat - 16.97)).toBeLessThan(unitDeg)
  })

  it('returns zero bytes for a tile with no features', () => {
    expect(encodeTile({ places: [agadez] }, 6, 0, 0).byteLength).toBe(0)
  })
})
