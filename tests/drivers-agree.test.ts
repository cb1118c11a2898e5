// The embedded (PGlite) and server (PostGIS) drivers give the same answers: same routes and
// lengths, same borders, same zone, and tiles that decode to the same features.
import { VectorTile } from '@mapbox/vector-tile'
import { PbfReader } from 'pbf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'

const both = testDrivers().includes('pg')

describe.runIf(both)('PGlite and PostGIS agree', () => {
  let lite: TestApp
  let server: TestApp
  beforeAll(async () => {
    ;[lite, server] = await Promise.all([build('pglite'), build('pg')])
  })
  afterAll(async () => Promise.all([lite?.close(), server?.close()]))

  const json = async (t: TestApp, url: string) => (await t.app.inject({ method: 'GET', url })).json()

  it('on every route and its geodesic length', async () => {
    const [a, b] = await Promise.all([json(lite, '/api/routes'), json(server, '/api/routes')])
    expect(a.features.map((f: any) => [f.id, f.properties.length_km])).toEqual(b.features.map((f: any) => [f.id, f.properties.length_km]))
  })

  it('on every border length', async () => {
    const [a, b] = await Promise.all([json(lite, '/api/borders'), json(server, '/api/borders')])
    expect(a.features.map((f: any) => f.properties)).toEqual(b.features.map((f: any) => f.properties))
  })

  it('on the zone area', async () => {
    const [a, b] = await Promise.all([json(lite, '/api/zone'), json(server, '/api/zone')])
    expect(a.properties.area_km2).toBe(b.properties.area_km2)
  })

  it('on the analysis of a route', async () => {
    const url = '/api/routes/cmr-agadez-sabha-tripoli/analysis?corridor_km=25'
    const [a, b] = await Promise.all([json(lite, url), json(server, url)])
    expect(a.length_km).toBe(b.length_km)
    expect(a.countries).toEqual(b.countries)
    expect(a.border_crossings).toEqual(b.border_crossings)
    expect(a.places_along.map((p: any) => p.id)).toEqual(b.places_along.map((p: any) => p.id))
    expect(a.shared_corridors.map((s: any) => [s.id, s.overlap_km])).toEqual(b.shared_corridors.map((s: any) => [s.id, s.overlap_km]))
    expect(Math.abs(a.corridor.area_km2 / b.corridor.area_km2 - 1)).toBeLessThan(0.001)
    expect(a.in_zone_km).toBe(b.in_zone_km)
  })

  it.each([
    ['countries', 3, 4, 3],
    ['borders', 5, 17, 13],
    ['places', 6, 33, 28],
    ['routes', 4, 8, 7],
  ])('on the features of tile %s/%i/%i/%i', async (layer, z, x, y) => {
    const decode = async (t: TestApp) => {
      const res = await t.app.inject({ method: 'GET', url: `/tiles/${layer}/${z}/${x}/${y}.mvt` })
      expect(res.statusCode).toBe(200)
      const l = new VectorTile(new PbfReader(res.rawPayload)).layers[layer]
      return Array.from({ length: l.length }, (_, i) => {
        const f = l.feature(i)
        const b = f.bbox!()
        return { props: f.properties, type: f.type, bbox: b }
      }).sort((p, q) => JSON.stringify(p.props).localeCompare(JSON.stringify(q.props)))
    }
    const [a, b] = await Promise.all([decode(lite), decode(server)])
    expect(a.map((f) => f.props)).toEqual(b.map((f) => f.props))
    expect(a.map((f) => f.type)).toEqual(b.map((f) => f.type))
    // same place on the tile grid within 2 units of 4096 (rounding and clipping differ slightly)
    a.forEach((f, i) => f.bbox.forEach((v, j) => expect(Math.abs(v - b[i].bbox[j]), `${JSON.stringify(f.props)} bbox[${j}]`).toBeLessThanOrEqual(2)))
  })
})
