// Vector tiles and TileJSON, against every driver under test.
import { VectorTile } from '@mapbox/vector-tile'
import { gunzipSync } from 'node:zlib'
import { PbfReader } from 'pbf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'
import { generatedCsv, insertGeneratedIncidents } from './helpers/generated-incidents.ts'
import { multipart } from './helpers/multipart.ts'
import { cellToLatLng, latLngToCell } from 'h3-js'
import { resolutionForZoom } from '../shared/h3-cells.ts'
import { tileOfPoint } from '../server/geo/tiles.ts'
import { getIncidentCellTile } from '../server/repos/tiles.ts'

describe.each(testDrivers())('tiles on %s', (driver) => {
  let t: TestApp
  beforeAll(async () => {
    t = await build(driver)
  })
  afterAll(async () => t?.close())

  const tile = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url })
    return { res, tile: res.statusCode === 200 ? new VectorTile(new PbfReader(res.rawPayload)) : null }
  }

  it('serves the countries of tile 0/0/0 with their names', async () => {
    const { res, tile: vt } = await tile('/tiles/countries/0/0/0.mvt')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/vnd.mapbox-vector-tile')
    const layer = vt!.layers.countries
    const iso3 = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties.iso3)
    expect(iso3).toEqual(expect.arrayContaining(['LBY', 'NER', 'TCD', 'MLI']))
    expect(layer.feature(iso3.indexOf('LBY')).properties.name_fr).toBe('Libye')
  })

  it('serves the Libya–Niger border line in a tile over Tummo', async () => {
    // tile 5/17/13 covers lon 11.25..22.5, lat 21.9..31.95: the LBY–NER border runs through it
    const { tile: vt } = await tile('/tiles/borders/5/17/13.mvt')
    const layer = vt!.layers.borders
    const pairs = Array.from({ length: layer.length }, (_, i) => `${layer.feature(i).properties.a_iso3}-${layer.feature(i).properties.b_iso3}`)
    expect(pairs).toContain('LBY-NER')
  })

  it('shows hubs from zoom 3 and every town only from zoom 6', async () => {
    const z4 = (await tile('/tiles/places/4/8/7.mvt')).tile!.layers.places
    const ranks = new Set(Array.from({ length: z4.length }, (_, i) => z4.feature(i).properties.rank))
    expect(ranks.has(2)).toBe(false)
    expect(z4.length).toBeGreaterThan(0)
  })

  it('labels a GeoNames place with its common English name (Al Jawf as Kufra)', async () => {
    // tile 4/9/6 covers lon 22.5..45, lat 21.9..41: Kufra is a route waypoint, shown from zoom 3
    const layer = (await tile('/tiles/places/4/9/6.mvt')).tile!.layers.places
    const kufra = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties).find((p) => p.name === 'Al Jawf' && p.iso3 === 'LBY')
    expect(kufra?.label).toBe('Kufra')
  })

  it('serves catalogue routes with family and kind', async () => {
    const { tile: vt } = await tile('/tiles/routes/3/4/3.mvt')
    const layer = vt!.layers.routes
    expect(layer.length).toBeGreaterThan(5)
    expect(layer.feature(0).properties).toHaveProperty('family')
    expect(layer.feature(0).properties).toHaveProperty('kind')
  })

  it('answers an empty tile (mid-Pacific) with 204', async () => {
    const { res } = await tile('/tiles/countries/5/0/15.mvt')
    expect(res.statusCode).toBe(204)
  })

  it('answers x out of range with a 400 naming x', async () => {
    const { res } = await tile('/tiles/countries/2/4/0.mvt')
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ field: 'x', message: 'x must be an integer from 0 to 3 at z=2, got 4' })
  })

  it('answers an unknown layer with a 400 naming layer', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/tiles/roads/0/0/0.mvt' })
    expect(res.statusCode).toBe(400)
    expect(res.json().field).toBe('layer')
  })

  it('describes each layer in a TileJSON 3.0.0 document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/tiles/places.json', headers: { host: 'example.test:3000' } })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      tilejson: '3.0.0',
      tiles: ['http://example.test:3000/tiles/places/{z}/{x}/{y}.mvt'],
      vector_layers: [{ id: 'places' }],
    })
  })

  it('serves incidents as points with their threat and date above zoom 8', async () => {
    await insertGeneratedIncidents(t.app.db, 2000, 'tile-test')
    const [first] = await t.app.db.query<{ lng: number; lat: number }>("SELECT ST_X(geom) AS lng, ST_Y(geom) AS lat FROM incidents WHERE source_dataset = 'tile-test' ORDER BY id LIMIT 1")
    const { res, tile: vt } = await tile(`/tiles/incidents/${tileOfPoint(first.lng, first.lat, 9).join('/')}.mvt`)
    expect(res.statusCode).toBe(200)
    const layer = vt!.layers.incidents
    expect(layer.length).toBeGreaterThan(0)
    expect(layer.feature(0).properties).toHaveProperty('threat')
    expect(layer.feature(0).properties.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('serves one point per H3 cell at zoom <= 8 from the cell rollup, the same as from the rows', async () => {
    // imported, so the incidents carry their H3 cells (a cluster at Agadez and a scatter over Niger)
    const upload = multipart({ dataset: 'tile-cells', credit: 'test' }, { name: 'cells.csv', content: generatedCsv(600, 21) })
    expect((await t.app.inject({ method: 'POST', url: '/api/imports', ...upload })).statusCode).toBe(201)
    const [first] = await t.app.db.query<{ lng: number; lat: number }>("SELECT ST_X(geom) AS lng, ST_Y(geom) AS lat FROM incidents WHERE source_dataset = 'tile-cells' ORDER BY id LIMIT 1")
    const decode = (bytes: Uint8Array) => {
      if (bytes.length === 0) return []
      const l = new VectorTile(new PbfReader(bytes)).layers.incidents
      return Array.from({ length: l.length }, (_, i): Record<string, unknown> => ({ ...l.feature(i).properties, xy: l.feature(i).loadGeometry()[0][0] })).sort((a, b) => String(a.h3).localeCompare(String(b.h3)))
    }
    for (let z = 2; z <= 8; z++) {
      // the tile holding the centre of the first incident's cell (a point feature is drawn there)
      const res = resolutionForZoom(z)
      const cell = latLngToCell(first.lat, first.lng, res)
      const [, x, y] = tileOfPoint(cellToLatLng(cell)[1], cellToLatLng(cell)[0], z)
      const fromRollup = decode(await getIncidentCellTile(t.app.db, z, x, y))
      const fromRows = decode(await getIncidentCellTile(t.app.db, z, x, y, true))
      expect(fromRollup.length).toBeGreaterThan(0)
      expect(fromRollup).toEqual(fromRows)
      // the cell of the first incident, counted independently of both paths
      const [count] = await t.app.db.query<{ n: number; dm: number }>(`SELECT count(*)::int AS n, COALESCE(sum(dead_missing), 0)::float8 AS dm FROM incidents WHERE h3_r${res} = $1`, [BigInt(`0x${cell}`).toString()])
      expect(fromRollup.find((f) => f.h3 === cell)).toMatchObject({ n: count.n, dead_missing: count.dm })
    }
    // through the API
    const [, x, y] = tileOfPoint(cellToLatLng(latLngToCell(first.lat, first.lng, 4))[1], cellToLatLng(latLngToCell(first.lat, first.lng, 4))[0], 6)
    const { tile: vt } = await tile(`/tiles/incidents/6/${x}/${y}.mvt`)
    expect(vt!.layers.incidents.feature(0).properties).toEqual({ h3: expect.any(String), n: expect.any(Number), dead_missing: expect.any(Number) })
  })

  describe('caching', () => {
    const url = '/tiles/routes/4/8/7.mvt'

    it('answers a matching If-None-Match with 304 and no body', async () => {
      const first = await t.app.inject({ method: 'GET', url })
      expect(first.statusCode).toBe(200)
      expect(first.headers['cache-control']).toBe('public, no-cache')
      const etag = first.headers.etag as string
      expect(etag).toMatch(/^"[\w-]+"$/)
      const again = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } })
      expect(again.statusCode).toBe(304)
      expect(again.rawPayload.byteLength).toBe(0)
    })

    it('serves a new tile, not a stale one, after a route is edited', async () => {
      const before = await t.app.inject({ method: 'GET', url })
      const route = (await t.app.inject({ method: 'GET', url: '/api/routes/fuel-algeria-niger' })).json()
      const { id, length_km, countries, origin, version, edited, updated_at, geonames_name, ...props } = route.properties
      const moved = { type: 'LineString', coordinates: [[5.53, 22.79], [8.0, 17.0]] }
      const put = await t.app.inject({ method: 'PUT', url: `/api/routes/${id}`, payload: { name: props.name, family: props.family, kind: props.kind, threats: props.threats, direction: props.direction, confidence: props.confidence, geometry: moved } })
      expect(put.statusCode).toBe(200)
      const after = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': before.headers.etag as string } })
      expect(after.statusCode).toBe(200)
      expect(after.headers.etag).not.toBe(before.headers.etag)
      expect(Buffer.compare(after.rawPayload, before.rawPayload)).not.toBe(0)
    })

    it('serves no stale hotspot tile after an import', async () => {
      const importCsv = async (seed: number) => {
        const upload = multipart({ dataset: `tile-cache-${seed}`, credit: 'Tile cache test' }, { name: `t${seed}.csv`, content: generatedCsv(300, seed) })
        expect((await t.app.inject({ method: 'POST', url: '/api/imports', ...upload })).statusCode).toBe(201)
      }
      await importCsv(11)
      const hotspots = '/tiles/hotspots/5/16/14.mvt?res=5'
      const before = await t.app.inject({ method: 'GET', url: hotspots })
      expect(before.statusCode).toBe(200)
      const etag = before.headers.etag as string
      expect((await t.app.inject({ method: 'GET', url: hotspots, headers: { 'if-none-match': etag } })).statusCode).toBe(304)
      await importCsv(12)
      const after = await t.app.inject({ method: 'GET', url: hotspots, headers: { 'if-none-match': etag } })
      expect(after.statusCode).toBe(200)
      expect(Buffer.compare(after.rawPayload, before.rawPayload)).not.toBe(0)
    })

    it('gzips a tile when the client accepts it', async () => {
      const plain = await t.app.inject({ method: 'GET', url: '/tiles/countries/2/2/1.mvt' })
      const zipped = await t.app.inject({ method: 'GET', url: '/tiles/countries/2/2/1.mvt', headers: { 'accept-encoding': 'gzip' } })
      expect(zipped.headers['content-encoding']).toBe('gzip')
      expect(Buffer.compare(gunzipSync(zipped.rawPayload), plain.rawPayload)).toBe(0)
      expect(zipped.rawPayload.byteLength).toBeLessThan(plain.rawPayload.byteLength)
    })
  })
})
