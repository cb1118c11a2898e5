// OGC API Features (issue 7) through app.inject, against every driver under test: documents
// valid against the standard's schemas, paging, filters and OGC exceptions.
import { readFileSync } from 'node:fs'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as schemas from './fixtures/ogc-features-schemas.ts'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'
import { routeInPeriod } from '../shared/route-period.ts'

const ajv = new Ajv({ allErrors: true, strict: false })
addFormats(ajv)

function expectValid(schema: object, doc: unknown) {
  const validate = ajv.compile(schema)
  const ok = validate(doc)
  expect(ok, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true)
}

describe.each(testDrivers())('OGC API Features on %s', (driver) => {
  let t: TestApp
  beforeAll(async () => {
    t = await build(driver)
  })
  afterAll(async () => t?.close())

  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { host: 'sahel.test' } })
    return { status: res.statusCode, type: String(res.headers['content-type']), body: res.json() }
  }
  const path = (href: string) => href.replace('http://sahel.test', '')

  it('serves a landing page linking the API definition, conformance and collections', async () => {
    const { status, body } = await get('/ogc')
    expect(status).toBe(200)
    expectValid(schemas.landingPage, body)
  })

  it('declares Core, GeoJSON and OpenAPI 3.0 conformance', async () => {
    const { body } = await get('/ogc/conformance')
    expectValid(schemas.confClasses, body)
    expect(body.conformsTo).toEqual(expect.arrayContaining(['http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core', 'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson']))
  })

  it('serves the OpenAPI 3 definition with its media type', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/ogc/api' })
    expect(res.headers['content-type']).toBe("application/vnd.oai.openapi+json;version=3.0")
    expect(res.json().openapi).toMatch(/^3\./)
    expect(Object.keys(res.json().paths)).toContain('/ogc/collections/{collectionId}/items')
  })

  it('lists the collections, each with a spatial extent', async () => {
    const { body } = await get('/ogc/collections')
    expectValid(schemas.collections, body)
    expect(body.collections.map((c: any) => c.id)).toEqual(expect.arrayContaining(['routes', 'incidents', 'plans', 'places', 'countries', 'borders']))
    const routes = body.collections.find((c: any) => c.id === 'routes')
    expect(routes.extent.temporal.interval[0][0]).toMatch(/^\d{4}-/)
  })

  it('describes one collection', async () => {
    const { body } = await get('/ogc/collections/places')
    expectValid(schemas.collection, body)
    const [w, s, e, n] = body.extent.spatial.bbox[0]
    expect(w).toBeGreaterThanOrEqual(-20)
    expect(n).toBeLessThanOrEqual(40)
    expect(s < n && w < e).toBe(true)
  })

  it('returns items as application/geo+json with numberMatched and numberReturned', async () => {
    const { type, body } = await get('/ogc/collections/routes/items?limit=5')
    expect(type).toMatch(/^application\/geo\+json/)
    expectValid(schemas.featureCollection, body)
    expect(body.numberReturned).toBe(5)
    expect(body.numberMatched).toBe(57)
    expect(body.links.map((l: any) => l.rel)).toEqual(expect.arrayContaining(['self', 'next', 'collection']))
  })

  it('filters by bbox and by a property', async () => {
    const { body } = await get('/ogc/collections/places/items?bbox=7,16,9,18&rank=1&limit=1000')
    expect(body.features.length).toBeGreaterThan(0)
    expect(body.numberMatched).toBe(body.numberReturned)
    for (const f of body.features) {
      const [lng, lat] = f.geometry.coordinates
      expect(lng >= 7 && lng <= 9 && lat >= 16 && lat <= 18 && f.properties.rank === 1).toBe(true)
    }
  })

  it('pages through all 15,000 places exactly once with next links, and back with prev', async () => {
    const seen = new Set<number>()
    let url = '/ogc/collections/places/items?limit=2000'
    let pages = 0
    let last: any
    while (url) {
      last = (await get(url)).body
      for (const f of last.features) {
        expect(seen.has(f.id)).toBe(false)
        seen.add(f.id)
      }
      pages++
      const next = last.links.find((l: any) => l.rel === 'next')
      url = next ? path(next.href) : ''
    }
    expect(seen.size).toBe(last.numberMatched)
    expect(pages).toBeGreaterThan(7)
    const prev = path(last.links.find((l: any) => l.rel === 'prev').href)
    const back = (await get(prev)).body
    expect(back.features.length).toBe(2000)
    expect(back.features[back.features.length - 1].id).toBeLessThan(last.features[0].id)
  })

  it('filters routes by datetime on their period, as the catalogue dates them', async () => {
    const catalogue = JSON.parse(readFileSync(new URL('../geodata/routes.geojson', import.meta.url), 'utf8')).features.map((f: any) => f.properties)
    const expected = (from: string | null, to: string | null) =>
      catalogue.filter((r: any) => routeInPeriod(r, { from, to })).map((r: any) => r.id).sort()
    const ids = async (q: string) => (await get(`/ogc/collections/routes/items?${q}&limit=100`)).body.features.map((f: any) => f.id).sort()
    const in2017 = await ids('datetime=2017-01-01/2017-12-31')
    expect(in2017).toEqual(expected('2017-01-01', '2017-12-31'))
    // the Libyan arms flows of 2011–16 are over by 2017; the Sudan war corridors start in 2023
    expect(in2017).not.toContain('arm-libya-niger-mali')
    expect(in2017).not.toContain('sdn-el-fasher-dabbah-kufra')
    expect(in2017).toContain('cmr-agadez-djado-bypass')
    const at2024 = await ids('datetime=2024-06-01T12:00:00Z')
    expect(at2024).toEqual(expected('2024-06-01', '2024-06-01'))
    expect(at2024).not.toContain('cmr-agadez-djado-bypass')
    expect(at2024).toContain('sdn-el-fasher-dabbah-kufra')
    expect((await get('/ogc/collections/routes/items?datetime=../1999-12-31&limit=100')).body.numberMatched).toBe(0)
  })

  it('gives each route its period and status, filters by status and spans the periods in the extent', async () => {
    const { body } = await get('/ogc/collections/routes/items/arm-libya-niger-mali')
    expect(body.properties).toMatchObject({ valid_from: '2011-01-01', valid_to: '2016-12-31', status: 'historical' })
    const historical = (await get('/ogc/collections/routes/items?status=historical&limit=100')).body
    expect(historical.features.length).toBeGreaterThan(0)
    expect(historical.features.every((f: any) => f.properties.status === 'historical')).toBe(true)
    const collection = (await get('/ogc/collections/routes')).body
    // the earliest period starts in 2000; open-ended periods leave the end open
    expect(collection.extent.temporal.interval).toEqual([['2000-01-01T00:00:00.000Z', null]])
  })

  it('returns one item with its links', async () => {
    const { type, body } = await get('/ogc/collections/countries/items/NER')
    expect(type).toMatch(/^application\/geo\+json/)
    expectValid(schemas.feature, body)
    expect(body.properties.name_fr).toBe('Niger')
  })

  it.each([
    ['/ogc/collections/places/items?bbox=1,2,3', 400, 'bbox'],
    ['/ogc/collections/places/items?limit=0', 400, 'limit'],
    ['/ogc/collections/places/items?limit=10001', 400, 'limit'],
    ['/ogc/collections/routes/items?datetime=last-week', 400, 'datetime'],
    ['/ogc/collections/places/items?colour=red', 400, 'colour'],
    ['/ogc/collections/places/items?rank=-2442192215474333', 400, 'rank'],
    ['/ogc/collections/places/items?bbox-crs=EPSG:3857', 400, 'bbox-crs'],
    ['/ogc/collections/rivers/items', 404, undefined],
    ['/ogc/collections/rivers', 404, undefined],
    ['/ogc/collections/countries/items/XXX', 404, undefined],
  ])('answers %s with %i and an OGC exception', async (url, status, field) => {
    const res = await get(url)
    expect(res.status).toBe(status)
    expectValid(schemas.exception, res.body)
    expect(res.body.code).toBe(status === 404 ? 'NotFound' : 'InvalidParameterValue')
    if (field) expect(res.body.field).toBe(field)
  })

  it('serves saved patrol plans as MultiPoints of their sites', async () => {
    await t.app.db.query(
      `INSERT INTO patrol_plans (name, request, result) VALUES ('Tri-border test', '{"k": 2, "radius_km": 80}',
        '{"coverage_ratio": 0.5, "sites": [{"lng": 14.1, "lat": 22.7}, {"lng": 12.9, "lat": 19.0}]}')`,
    )
    const all = (await get('/ogc/collections/plans/items')).body
    expectValid(schemas.featureCollection, all)
    const plan = all.features.find((f: any) => f.properties.name === 'Tri-border test')
    expect(plan.geometry).toEqual({ type: 'MultiPoint', coordinates: [[14.1, 22.7], [12.9, 19]] })
    expect(plan.properties).toMatchObject({ k: 2, radius_km: 80, coverage_ratio: 0.5, sites: 2 })
    const away = (await get('/ogc/collections/plans/items?bbox=30,30,35,35')).body
    expect(away.features.map((f: any) => f.properties.name)).not.toContain('Tri-border test')
    expect((await get(`/ogc/collections/plans/items/${plan.id}`)).body.properties.name).toBe('Tri-border test')
  })

  it('serves the interactive documentation at /docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs/' })
    expect(res.statusCode).toBe(200)
    expect(res.body).toMatch(/swagger-ui/i)
    expect(res.body).not.toMatch(/https?:\/\/(?!127\.0\.0\.1|localhost)[a-z]/i)
  })
})
