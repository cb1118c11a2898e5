// The reviewed route catalogue in the database, on every driver: countries computed from each
// line, periods and the time range, yearly flows, and a catalogue route dropped from the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { replaceLayer } from '../server/repos/geodata.ts'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'

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
