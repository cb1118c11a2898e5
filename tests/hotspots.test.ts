// Hotspots, trends and hotspot tiles through app.inject on every driver, over the seeded
// synthetic demo incidents (4,000 along the catalogue routes, fixed seed).
import { VectorTile } from '@mapbox/vector-tile'
import { cellToLatLng, getResolution } from 'h3-js'
import { PbfReader } from 'pbf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_COUNT, seedDemoIncidents } from '../server/import/seed-demo.ts'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'

const drivers = testDrivers()

describe.each(drivers)('hotspots on %s', (driver) => {
  let t: TestApp
  beforeAll(async () => {
    t = await build(driver)
    await seedDemoIncidents(t.app.db)
  })
  afterAll(async () => t?.close())

  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url })
    return { status: res.statusCode, body: res.json() }
  }

  it('seeds the demo incidents once, labelled synthetic demo data', async () => {
    expect(await seedDemoIncidents(t.app.db)).toBeNull()
    const { body } = await get('/api/incidents?limit=1')
    expect(body.features[0].properties.source_dataset).toBe('synthetic-demo')
    expect(body.credits).toEqual([{ dataset: 'synthetic-demo', credit: 'synthetic demo data' }])
  })

  it('counts every incident once per cell at each resolution', async () => {
    for (const res of [3, 5, 8]) {
      const { body } = await get(`/api/hotspots?res=${res}`)
      expect(body.cells.reduce((a: number, c: any) => a + c.n, 0)).toBe(DEMO_COUNT)
      expect(body.cells.every((c: any) => getResolution(c.h3) === res && c.value === c.n)).toBe(true)
    }
  })

  it('sums a field with metric=sum:dead and keeps the credits and the aggregation note', async () => {
    const { body } = await get('/api/hotspots?res=4&metric=sum:dead')
    const count = (await get('/api/hotspots?res=4')).body
    expect(body.cells.length).toBe(count.cells.length)
    expect(body.cells.some((c: any) => c.value !== c.n)).toBe(true)
    expect(body.credits.map((c: any) => c.credit)).toEqual(['synthetic demo data'])
    expect(body.note).toBe('aggregated to H3 cells by Sahel Routes')
  })

  it('applies bbox, time and threat filters', async () => {
    const all = (await get('/api/hotspots?res=4')).body.cells
    const { body } = await get('/api/hotspots?res=4&bbox=0,10,20,25&from=2022-01-01&to=2022-12-31&threat=migration_trafficking,drug_trafficking')
    const n = body.cells.reduce((a: number, c: any) => a + c.n, 0)
    expect(n).toBeGreaterThan(0)
    expect(n).toBeLessThan(DEMO_COUNT / 4)
    for (const c of body.cells) {
      const [lat, lng] = cellToLatLng(c.h3)
      expect(lng).toBeGreaterThan(-1)
      expect(lat).toBeGreaterThan(9)
      expect(c.n).toBeLessThanOrEqual(all.find((a: any) => a.h3 === c.h3).n)
    }
  })

  it('finds Gi* hot spots at 99% around the hubs, with FDR-adjusted q ≥ p', async () => {
    const { body } = await get('/api/hotspots?res=5&stat=gistar')
    const hot = body.cells.filter((c: any) => c.class === 'hot_99')
    expect(hot.length).toBeGreaterThan(5)
    for (const c of body.cells) expect(c.q).toBeGreaterThanOrEqual(c.p - 1e-12)
    // zero-filled neighbours are part of the study area; listed only when hot or cold spots
    expect(body.study_area).toBeGreaterThan(body.cells.length)
    const withIncidents = (await get('/api/hotspots?res=5')).body.cells
    expect(body.cells.filter((c: any) => c.n > 0).map((c: any) => c.h3).sort()).toEqual(withIncidents.map((c: any) => c.h3).sort())
    for (const c of body.cells.filter((c: any) => c.n === 0)) expect(c.class).not.toBe('not_significant')
    expect((await get('/api/hotspots?res=5')).body.study_area).toBeUndefined()
    const raw = (await get('/api/hotspots?res=5&stat=gistar&fdr=false')).body
    expect(raw.cells.filter((c: any) => c.class !== 'not_significant').length).toBeGreaterThanOrEqual(body.cells.filter((c: any) => c.class !== 'not_significant').length)
  })

  it('classifies cells into emerging hot spot categories over quarters', async () => {
    const { status, body } = await get('/api/hotspots/trends?res=4&bin=quarter')
    expect(status).toBe(200)
    expect(body.bins).toHaveLength(28)
    expect(body.bins[0]).toBe('2019-01-01')
    const categories = new Set(body.cells.map((c: any) => c.category))
    expect([...categories].some((c) => String(c).endsWith('_hot'))).toBe(true)
    for (const c of body.cells) {
      expect(c.counts).toHaveLength(28)
      expect(c.z).toHaveLength(28)
    }
    expect(body.cells.reduce((a: number, c: any) => a + c.n, 0)).toBe(DEMO_COUNT)
  })

  it('serves the cells as hexagons in vector tiles, res following the zoom', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/tiles/hotspots/4/8/7.mvt?threat=migration_trafficking' })
    expect(res.statusCode).toBe(200)
    const layer = new VectorTile(new PbfReader(res.rawPayload)).layers.hotspots
    expect(layer.length).toBeGreaterThan(10)
    const f = layer.feature(0)
    expect(f.type).toBe(3)
    expect(getResolution(String(f.properties.h3))).toBe(3)
    const pinned = await t.app.inject({ method: 'GET', url: '/tiles/hotspots/4/8/7.mvt?res=7' })
    expect(getResolution(String(new VectorTile(new PbfReader(pinned.rawPayload)).layers.hotspots.feature(0).properties.h3))).toBe(7)
    expect((await t.app.inject({ method: 'GET', url: '/tiles/hotspots/5/0/15.mvt' })).statusCode).toBe(204)
    const tilejson = (await get('/tiles/hotspots.json?threat=drug_trafficking')).body
    expect(tilejson.tiles[0]).toMatch(/\/tiles\/hotspots\/\{z\}\/\{x\}\/\{y\}\.mvt\?threat=drug_trafficking$/)
    expect(tilejson.attribution).toContain('synthetic demo data')
  })

  it('answers a bad res, metric or tile address with a 400 naming the field', async () => {
    expect((await get('/api/hotspots?res=2')).body.field).toBe('res')
    expect((await get('/api/hotspots?metric=sum:age')).body.field).toBe('metric')
    expect((await get('/api/hotspots/trends?bin=week')).body.field).toBe('bin')
    expect((await get('/tiles/hotspots/2/9/0.mvt')).body.field).toBe('x')
  })
})

describe.runIf(drivers.includes('pg'))('hotspots: PGlite and PostGIS agree', () => {
  let lite: TestApp
  let server: TestApp
  beforeAll(async () => {
    ;[lite, server] = await Promise.all([build('pglite'), build('pg')])
    await Promise.all([seedDemoIncidents(lite.app.db), seedDemoIncidents(server.app.db)])
  })
  afterAll(async () => Promise.all([lite?.close(), server?.close()]))

  const json = async (t: TestApp, url: string) => (await t.app.inject({ method: 'GET', url })).json()
  const sorted = (cells: any[]) => [...cells].sort((a, b) => a.h3.localeCompare(b.h3))

  it.each(['/api/hotspots?res=6', '/api/hotspots?res=5&metric=sum:quantity&from=2021-01-01', '/api/hotspots?res=4&stat=gistar'])('on the cells and values of %s', async (url) => {
    const [a, b] = await Promise.all([json(lite, url), json(server, url)])
    expect(sorted(a.cells)).toEqual(sorted(b.cells))
  })

  it('on the emerging hot spot categories', async () => {
    const url = '/api/hotspots/trends?res=4&bin=quarter'
    const [a, b] = await Promise.all([json(lite, url), json(server, url)])
    expect(sorted(a.cells).map((c) => [c.h3, c.category])).toEqual(sorted(b.cells).map((c) => [c.h3, c.category]))
  })

  it('on the features of hotspot tile 4/8/7', async () => {
    const decode = async (t: TestApp) => {
      const res = await t.app.inject({ method: 'GET', url: '/tiles/hotspots/4/8/7.mvt' })
      const l = new VectorTile(new PbfReader(res.rawPayload)).layers.hotspots
      return Array.from({ length: l.length }, (_, i) => l.feature(i).properties).sort((p, q) => String(p.h3).localeCompare(String(q.h3)))
    }
    const [a, b] = await Promise.all([decode(lite), decode(server)])
    expect(a).toEqual(b)
  })
})
