// The reviewed route catalogue in the database, on every driver: countries computed from each
// line, periods and the time range (API, tiles, static maps), legs drawn as they are known,
// yearly flows, and a catalogue route dropped from the file.
import { VectorTile } from '@mapbox/vector-tile'
import { PbfReader } from 'pbf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { replaceLayer } from '../server/repos/geodata.ts'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'
import { multipart } from './helpers/multipart.ts'

const ACLED = [
  'event_id_cnty,event_date,event_type,sub_event_type,country,latitude,longitude,fatalities',
  'NIG1234,2022-01-31,Battles,Armed clash,Niger,14.2,1.45,4',
  'NIG1235,2022-02-02,Battles,Armed clash,Niger,14.3,1.55,0',
].join('\n')

describe.each(testDrivers())('the route catalogue on %s', (driver) => {
  let t: TestApp
  beforeAll(async () => {
    t = await build(driver)
  })
  afterAll(async () => t?.close())

  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url })
    return { status: res.statusCode, body: res.json() }
  }
  const ids = async (query: string) => (await get(`/api/routes${query}`)).body.features.map((f: any) => f.id) as string[]

  it('lists for every route exactly the countries its line crosses', async () => {
    const { body } = await get('/api/routes')
    expect(body.features.length).toBeGreaterThanOrEqual(40)
    for (const f of body.features) {
      // an independent test of each country polygon against the line, not the load's own query
      const crossed = await t.app.db.query<{ iso3: string }>(
        'SELECT iso3 FROM countries WHERE ST_Intersects(geom, ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)) ORDER BY iso3',
        [JSON.stringify(f.geometry)],
      )
      expect([...f.properties.countries].sort(), f.id).toEqual(crossed.map((r) => r.iso3))
    }
  })

  it('keeps the Sudan–Kufra crossing out of Egypt and names Senegal on the Bissau road', async () => {
    expect((await get('/api/routes/cmr-khartoum-kufra-benghazi')).body.properties.countries).toEqual(['SDN', 'LBY'])
    const bissau = (await get('/api/routes/drg-cocaine-bissau-gao-sabha')).body.properties.countries
    expect(bissau.slice(0, 3)).toEqual(['GNB', 'SEN', 'MLI'])
    expect(bissau).not.toContain('GIN')
    const benin = (await get('/api/routes/drg-cocaine-benin-togo-niger')).body.properties.countries
    expect(benin).toEqual(['TGO', 'BEN', 'NER'])
  })

  it('runs Maghnia – Béchar inside Algeria: under 30 km of the cannabis corridor is in Morocco', async () => {
    const { body } = await get('/api/routes/drg-cannabis-morocco-algeria-libya/analysis?corridor_km=5')
    const mar = body.countries.find((c: any) => c.iso3 === 'MAR')
    expect(mar.km).toBeGreaterThan(5)
    expect(mar.km).toBeLessThan(30)
  })

  it('returns each route with its period, status and legs', async () => {
    const { body } = await get('/api/routes/arm-libya-niger-mali')
    expect(body.properties).toMatchObject({ valid_from: '2011-01-01', valid_to: '2016-12-31', status: 'historical', kind: 'arms' })
    expect(body.properties.segments.map((s: any) => s.kind)).toEqual(['schematic'])
  })

  it('shows in 2016 the routes of 2016 and hides those of the Sudan war', async () => {
    const y2016 = await ids('?from=2016-01-01&to=2016-12-31')
    expect(y2016).toEqual(expect.arrayContaining(['arm-libya-niger-mali', 'cmr-agadez-djado-bypass', 'cmr-agadez-sabha-tripoli']))
    expect(y2016).not.toContain('sdn-el-fasher-dabbah-kufra')
    expect(y2016).not.toContain('cmr-sfax-lampedusa')
    const y2024 = await ids('?from=2024-01-01&to=2024-12-31')
    expect(y2024).toEqual(expect.arrayContaining(['sdn-el-fasher-dabbah-kufra', 'sdn-geneina-adre', 'cmr-sfax-lampedusa']))
    expect(y2024).not.toContain('arm-libya-niger-mali')
    expect(y2024).not.toContain('cmr-agadez-djado-bypass')
  })

  it('takes an open-ended time range: from alone hides what ended before it', async () => {
    const after2020 = await ids('?from=2020-01-01')
    expect(after2020).not.toContain('arm-libya-niger-mali')
    expect(after2020).toContain('cmr-agadez-djado-bypass')
    expect(await ids('')).toContain('arm-libya-niger-mali')
  })

  it('refuses a time range that ends before it starts, and a malformed date, naming the field', async () => {
    const reversed = await get('/api/routes?from=2024-01-01&to=2016-12-31')
    expect(reversed.status).toBe(400)
    expect(reversed.body.field).toBe('to')
    const bad = await get('/api/routes?from=2024-13-01')
    expect(bad.status).toBe(400)
    expect(bad.body.field).toMatch(/from/)
  })

  it('serves the published yearly figures of a route with their source', async () => {
    const { status, body } = await get('/api/routes/cmr-zuwara-lampedusa/flows')
    expect(status).toBe(200)
    const y2016 = body.flows.find((f: any) => f.year === 2016 && f.metric === 'detections')
    expect(y2016).toMatchObject({ value: 181459, source: 'Frontex, Risk Analysis for 2017' })
    expect(body.flows.every((f: any) => f.licence.length > 0 && f.url.startsWith('https://'))).toBe(true)
    expect((await get('/api/routes/no-such-route/flows')).status).toBe(404)
  })

  it('refuses to make an ACLED import public, naming sharing, and writes nothing', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/imports', ...multipart({ sharing: 'public' }, { name: 'acled.csv', content: ACLED }) })
    expect(res.statusCode).toBe(400)
    expect(res.json().field).toBe('sharing')
    expect(res.json().message).toContain('acled')
    const [{ n }] = await t.app.db.query<{ n: number }>("SELECT count(*)::int AS n FROM incidents WHERE source_dataset = 'acled'")
    expect(n).toBe(0)
  })

  it('imports ACLED at the regional level, records its terms, and the database refuses to make it public', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/imports', ...multipart({ sharing: 'regional' }, { name: 'acled.csv', content: ACLED }) })
    expect(res.statusCode).toBe(201)
    const [source] = await t.app.db.query<{ licence: string; redistribution: boolean }>("SELECT licence, redistribution FROM sources WHERE dataset = 'acled'")
    expect(source).toEqual({ licence: 'ACLED Terms of Use: attribution required; the data may not be redistributed', redistribution: false })
    await expect(t.app.db.query("UPDATE incidents SET sharing = 'public' WHERE source_dataset = 'acled'")).rejects.toThrow(/may not be redistributed/)
    await expect(t.app.db.query("UPDATE imports SET sharing = 'public' WHERE source_dataset = 'acled'")).rejects.toThrow(/may not be redistributed/)
    // a generic file into the same dataset cannot lift the restriction
    const generic = await t.app.inject({ method: 'POST', url: '/api/imports', ...multipart({ dataset: 'acled', credit: 'relabelled', sharing: 'public' }, { name: 'x.csv', content: 'id,lat,lng,date,category\nx-1,14.5,2.5,2024-03-01,drug_trafficking\n' }) })
    expect(generic.statusCode).toBe(400)
    expect(generic.json().field).toBe('sharing')
  })

  it('gives every route with a published figure in a year its value, for line widths', async () => {
    const { status, body } = await get('/api/route-flows?year=2024')
    expect(status).toBe(200)
    expect(body).toEqual({ year: 2024, metric: 'detections', values: { 'atl-nouadhibou-el-hierro': 46843, 'cmr-zuwara-lampedusa': 66766 } })
    expect((await get('/api/route-flows?year=abc')).body.field).toMatch(/year/)
  })

  it('retires a catalogue route dropped from the file, keeping its history', async () => {
    const rows = await t.app.db.query<Record<string, unknown>>(
      "SELECT id, name, family, kind, threats, direction, confidence, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to, status, props, ST_AsGeoJSON(geom)::json AS geom FROM routes WHERE origin = 'catalogue' AND id <> 'fuel-libya-chad'",
    )
    await replaceLayer(t.app.db, 'routes', rows, 'test-without-fuel-libya-chad')
    expect((await get('/api/routes/fuel-libya-chad')).status).toBe(404)
    const history = (await get('/api/routes/fuel-libya-chad/history')).body.versions
    expect(history[0].change).toBe('delete')
    expect(await ids('')).toContain('fuel-libya-tunisia')
  })
})

describe.each(testDrivers())('routes in time and by leg on tiles and static maps, %s', (driver) => {
  let t: TestApp
  beforeAll(async () => {
    t = await build(driver)
  })
  afterAll(async () => t?.close())

  // tile 4/8/6 covers lon 0..22.5, lat 21.9..40.98: northern Niger, the Fezzan and the Libyan coast
  const tileRoutes = async (query: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/tiles/routes/4/8/6.mvt${query}` })
    expect(res.statusCode).toBe(200)
    const layer = new VectorTile(new PbfReader(res.rawPayload)).layers.routes
    return Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties as Record<string, string>)
  }

  it('serves in the 2016 route tile the arms corridor of 2011–16 and not the Sfax crossing of 2019 on', async () => {
    const y2016 = new Set((await tileRoutes('?from=2016-01-01&to=2016-12-31')).map((p) => p.id))
    expect(y2016.has('arm-libya-niger-mali')).toBe(true)
    expect(y2016.has('cmr-sfax-lampedusa')).toBe(false)
    const y2024 = new Set((await tileRoutes('?from=2024-01-01&to=2024-12-31')).map((p) => p.id))
    expect(y2024.has('arm-libya-niger-mali')).toBe(false)
    expect(y2024.has('cmr-sfax-lampedusa')).toBe(true)
  })

  it('tags every tile feature with its leg, the schematic legs of a route apart from its track', async () => {
    const all = await tileRoutes('')
    expect(new Set(all.map((p) => p.leg))).toEqual(new Set(['track', 'schematic', 'sea']))
    const bypass = all.filter((p) => p.id === 'cmr-agadez-djado-bypass').map((p) => p.leg)
    expect(bypass.sort()).toEqual(['schematic', 'track'])
    expect(all.find((p) => p.id === 'arm-libya-niger-mali')).toMatchObject({ valid_from: '2011-01-01', valid_to: '2016-12-31', status: 'historical' })
  })

  const staticSvg = async (query: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/maps/static.svg?width=600&height=400&bbox=-20,5,40,40&layers=routes${query}` })
    expect(res.statusCode).toBe(200)
    return res.body
  }
  const routesIn = (svg: string) => new Set([...svg.matchAll(/data-route="([^"]+)"/g)].map((m) => m[1]))

  it('draws on the 2016 static map the routes of 2016 only, and on the 2024 map those of 2024', async () => {
    const y2016 = routesIn(await staticSvg('&from=2016-01-01&to=2016-12-31'))
    expect(y2016.has('arm-libya-niger-mali')).toBe(true)
    expect(y2016.has('sdn-geneina-adre')).toBe(false)
    const y2024 = routesIn(await staticSvg('&from=2024-01-01&to=2024-12-31'))
    expect(y2024.has('arm-libya-niger-mali')).toBe(false)
    expect(y2024.has('sdn-geneina-adre')).toBe(true)
  })

  it('never draws a schematic leg solid on a static map', async () => {
    const paths = [...(await staticSvg('')).matchAll(/<path data-route="[^"]+" data-leg="(\w+)"[^>]*>/g)]
    const schematic = paths.filter((m) => m[1] === 'schematic')
    expect(schematic.length).toBeGreaterThan(20)
    for (const m of schematic) expect(m[0]).toMatch(/stroke-dasharray="[\d.]+ [\d.]+"/)
    // high-confidence tracks stay solid, so the dash says something
    expect(paths.some((m) => m[1] === 'track' && !m[0].includes('stroke-dasharray'))).toBe(true)
  })
})
