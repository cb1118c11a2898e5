// The origin filter (issue 14): an instance holding incidents made here and incidents received
// from a partner answers every endpoint the map state filters — incidents, OGC items, incident and
// hotspot tiles, hotspots and trends, exports, static maps, saved views — with the one origin's
// rows only. The cell rollup has no origin dimension, so an origin filter reads the rows: tested
// equal to the row path and, local + partner, to the unfiltered rollup answer.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { VectorTile } from '@mapbox/vector-tile'
import { PbfReader } from 'pbf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aggregateCellBinsFromRows, aggregateCellsFromRows } from '../server/repos/hotspots.ts'
import { testDrivers } from './helpers/databases.ts'
import { tileOfPoint } from '../server/geo/tiles.ts'
import { exportTo, importCsv, instance, merge, register, type Instance } from './helpers/exchange.ts'

const NER = 'Niger border police'
const MLI = 'Mali gendarmerie'
// Mali's own rows north-west of Niger's (both in tile 5/16/14 and the bbox below)
const LOCAL_ROWS: [string, number][] = [['mli-1', 1], ['mli-2', 2], ['mli-3', 0]]
const NER_ROWS: [string, number][] = [['ner-1', 1], ['ner-2', 0], ['ner-3', 3], ['ner-4', 4], ['ner-5', 5]]
const BBOX = '0,10,12,20'

describe.each(testDrivers())('the origin filter on %s', (driver) => {
  const dir = mkdtempSync(join(tmpdir(), 'sahel-origin-'))
  let mali: Instance
  let niger: Instance

  beforeAll(async () => {
    mali = await instance(driver, dir, 'mali', 'MLI', MLI)
    niger = await instance('pglite', dir, 'niger', 'NER', NER)
    expect((await register(niger, 'mali', mali, ['regional'])).statusCode).toBe(201)
    expect((await register(mali, 'niger', niger, ['regional'])).statusCode).toBe(201)
    await importCsv(mali.app, 'mli-field', 'regional', LOCAL_ROWS, '', [15, 2])
    await importCsv(niger.app, 'ner-field', 'regional', NER_ROWS)
    const merged = await merge(mali, await exportTo(niger, 'mali'))
    expect(merged.statusCode).toBe(201)
    expect(merged.json().counts.incidents.inserted).toBe(NER_ROWS.length)
  }, 240_000)

  afterAll(async () => {
    await Promise.all([mali, niger].filter(Boolean).map((i) => i.close()))
    rmSync(dir, { recursive: true, force: true })
  })

  const get = async (url: string) => {
    const res = await mali.app.inject({ method: 'GET', url })
    return res
  }
  const ids = (rows: [string, number][]) => rows.map((r) => r[0]).sort()

  it('GET /api/incidents returns only the origin asked for, and names a bad origin', async () => {
    const of = async (origin: string) => (await get(`/api/incidents?origin=${origin}`)).json().features.map((f: { properties: { source_id: string } }) => f.properties.source_id).sort()
    expect(await of('NER')).toEqual(ids(NER_ROWS))
    expect(await of('local')).toEqual(ids(LOCAL_ROWS))
    expect(await of('TCD')).toEqual([])
    const bad = await get('/api/incidents?origin=XYZ')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().field).toBe('origin')
  })

  it('OGC incident items take origin as a queryable and carry the provenance', async () => {
    const page = (await get('/ogc/collections/incidents/items?origin=NER&limit=100')).json()
    expect(page.numberMatched).toBe(NER_ROWS.length)
    expect(page.features.map((f: { properties: { source_id: string } }) => f.properties.source_id).sort()).toEqual(ids(NER_ROWS))
    expect(page.features[0].properties).toMatchObject({ origin_state: 'NER', origin_agency: NER })
    const local = (await get('/ogc/collections/incidents/items?origin=local&limit=100')).json()
    expect(local.numberMatched).toBe(LOCAL_ROWS.length)
    expect(local.features.every((f: { properties: { origin_state: unknown } }) => f.properties.origin_state === null)).toBe(true)
    const bad = await get('/ogc/collections/incidents/items?origin=niger')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().field).toBe('origin')
    expect((await get('/ogc/collections/incidents')).json().queryables.origin).toBe('string')
  })

  it('incident tiles keep the origin asked for: cells up to zoom 8, incidents with origin_state from zoom 9', async () => {
    const features = async (path: string) => {
      const res = await get(path)
      // an empty tile is a 204
      if (res.statusCode === 204) return []
      expect(res.statusCode).toBe(200)
      const layer = new VectorTile(new PbfReader(res.rawPayload)).layers.incidents
      return layer ? Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties) : []
    }
    // up to zoom 8 one point per H3 cell with its count n; an origin filter counts only its rows
    const counted = async (query: string) => (await features(`/tiles/incidents/5/16/14.mvt${query}`)).reduce((sum, p) => sum + Number(p.n), 0)
    expect(await counted('')).toBe(LOCAL_ROWS.length + NER_ROWS.length)
    expect(await counted('?origin=NER')).toBe(NER_ROWS.length)
    expect(await counted('?origin=local')).toBe(LOCAL_ROWS.length)
    // from zoom 9 the incidents themselves, each received one with the state that sent it
    const received = (await get('/api/incidents?origin=NER&limit=1')).json().features[0]
    const [z, x, y] = tileOfPoint(received.geometry.coordinates[0], received.geometry.coordinates[1], 12)
    const ner = await features(`/tiles/incidents/${z}/${x}/${y}.mvt?origin=NER`)
    expect(ner.length).toBeGreaterThan(0)
    expect(new Set(ner.map((p) => p.origin_state))).toEqual(new Set(['NER']))
    expect((await features(`/tiles/incidents/${z}/${x}/${y}.mvt?origin=local`)).every((p) => p.origin_state === undefined)).toBe(true)
    expect((await get('/tiles/incidents/5/16/14.mvt?origin=xx')).json().field).toBe('origin')
  })

  it('hotspot tiles count the origin asked for', async () => {
    const count = async (query: string) => {
      const res = await get(`/tiles/hotspots/5/16/14.mvt?res=5${query}`)
      expect(res.statusCode).toBe(200)
      const layer = new VectorTile(new PbfReader(res.rawPayload)).layers.hotspots
      return Array.from({ length: layer.length }, (_, i) => Number(layer.feature(i).properties.n)).reduce((a, b) => a + b, 0)
    }
    expect(await count('')).toBe(LOCAL_ROWS.length + NER_ROWS.length)
    expect(await count('&origin=NER')).toBe(NER_ROWS.length)
    expect(await count('&origin=local')).toBe(LOCAL_ROWS.length)
  })

  it('/api/hotspots with an origin reads the rows: equal to the row path, and local + partner equal to the rollup answer', async () => {
    const cells = async (query: string) => {
      const res = await get(`/api/hotspots?res=5&metric=sum:dead${query}`)
      expect(res.statusCode).toBe(200)
      return Object.fromEntries(res.json().cells.map((c: { h3: string; n: number; value: number }) => [c.h3, [c.n, c.value]])) as Record<string, [number, number]>
    }
    const [all, ner, local] = [await cells(''), await cells('&origin=NER'), await cells('&origin=local')]
    const total = (c: Record<string, [number, number]>) => Object.values(c).reduce((a, [n, v]) => [a[0] + n, a[1] + v], [0, 0])
    expect(total(ner)).toEqual([NER_ROWS.length, 13])
    expect(total(local)).toEqual([LOCAL_ROWS.length, 3])
    const rows = await aggregateCellsFromRows(mali.app.db, 5, { origin: 'NER' }, 'dead', 1)
    expect(Object.fromEntries(rows.map((c) => [c.h3, [c.n, c.value]]))).toEqual(ner)
    // the unfiltered answer comes from the rollup; the two origins add up to it cell by cell
    const summed: Record<string, [number, number]> = {}
    for (const part of [ner, local]) for (const [h3, [n, v]] of Object.entries(part)) summed[h3] = [(summed[h3]?.[0] ?? 0) + n, (summed[h3]?.[1] ?? 0) + v]
    expect(summed).toEqual(all)
    const credits = (await get('/api/hotspots?res=5&origin=NER')).json().credits.map((c: { dataset: string }) => c.dataset)
    expect(credits).toEqual(['ner-field'])
  })

  it('/api/hotspots/trends with an origin counts that origin only, equal to the row path', async () => {
    const res = await get('/api/hotspots/trends?res=4&bin=month&origin=NER')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.cells.reduce((a: number, c: { n: number }) => a + c.n, 0)).toBe(NER_ROWS.length)
    const rows = await aggregateCellBinsFromRows(mali.app.db, 4, { origin: 'NER' }, 'month', 1)
    expect(rows.reduce((a, r) => a + r.n, 0)).toBe(NER_ROWS.length)
    expect(body.credits.map((c: { dataset: string }) => c.dataset)).toEqual(['ner-field'])
    expect((await get('/api/hotspots/trends?res=4&bin=month&origin=local')).json().cells.reduce((a: number, c: { n: number }) => a + c.n, 0)).toBe(LOCAL_ROWS.length)
  })

  it('exports and static maps of a map state keep its origin', async () => {
    const csvIds = async (origin: string) => {
      const res = await get(`/api/exports/incidents.csv?bbox=${BBOX}&layers=incidents&origin=${origin}`)
      expect(res.statusCode).toBe(200)
      return res.body.trim().split('\n').length - 1
    }
    expect(await csvIds('NER')).toBe(NER_ROWS.length)
    expect(await csvIds('local')).toBe(LOCAL_ROWS.length)
    const geojson = (await get(`/api/exports/incidents.geojson?bbox=${BBOX}&layers=incidents&origin=NER`)).json()
    expect(geojson.features.map((f: { properties: { origin_state: string } }) => f.properties.origin_state)).toEqual(NER_ROWS.map(() => 'NER'))
    const svg = async (origin: string) => (await get(`/api/maps/static.svg?width=800&height=500&date=2024-03-07&bbox=${BBOX}&layers=incidents,borders&origin=${origin}`)).body
    expect(await svg('NER')).toContain(`${NER} (NER)`)
    expect(await svg('local')).not.toContain(`${NER} (NER)`)
    const bad = await get(`/api/exports/incidents.csv?bbox=${BBOX}&origin=Niger`)
    expect(bad.statusCode).toBe(400)
    expect(bad.json().field).toBe('origin')
  })

  it('a saved view keeps the origin through its URL parameters', async () => {
    const saved = await mali.app.inject({ method: 'POST', url: '/api/views', payload: { bbox: BBOX, layers: 'routes,incidents', origin: 'NER' } })
    expect(saved.statusCode).toBe(201)
    const body = saved.json()
    expect(body.params).toEqual({ v: '1', bbox: BBOX, layers: 'routes,incidents', origin: 'NER' })
    expect(body.state.filters.origin).toBe('NER')
    expect((await get(`/api/views/${body.id}`)).json().state.filters.origin).toBe('NER')
  })
})
