// Imports and incidents through app.inject on every driver: upload, report, no-op re-import,
// update in place, strict rollback, paging and filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'
import { multipart } from './helpers/multipart.ts'

const HEADER = 'Incident Type,Incident year,Reported Month,Number of Dead,Minimum Estimated Number of Missing,Total Number of Dead and Missing,Number of Survivors,Migration route,Coordinates'
// BOM, a thousands separator, a truncated longitude, a row without coordinates, a split incident
const IOM = [
  `\ufeff${HEADER}`,
  'Incident,2019,January,2,0,2,0,Sahara Desert crossing,"18.7, 7.4"',
  'Incident,2019,February,"1,022",0,"1,022",0,Central Mediterranean,"33.1, 12.5"',
  'Incident,2020,March,1,0,1,0,Western Mediterranean,"35.8793, -5"',
  'Incident,2020,April,1,0,1,0,Sahara Desert crossing,',
  'Split Incident,2021,May,3,1,4,0,Sahara Desert crossing,"19.5, 8.1"',
].join('\n')

describe.each(testDrivers())('imports and incidents on %s', (driver) => {
  let t: TestApp
  beforeAll(async () => {
    t = await build(driver)
  })
  afterAll(async () => t?.close())

  const upload = async (name: string, content: string, fields: Record<string, string> = {}, query = '') => {
    const { payload, headers } = multipart(fields, { name, content })
    const res = await t.app.inject({ method: 'POST', url: `/api/imports${query}`, payload, headers })
    return { status: res.statusCode, body: res.json() }
  }
  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url })
    return { status: res.statusCode, body: res.json() }
  }

  it('imports an IOM file, listing the row without coordinates by line, field and reason', async () => {
    const { status, body } = await upload('mmp.csv', IOM)
    expect(status).toBe(201)
    expect(body).toMatchObject({ format: 'iom', source_dataset: 'iom-mmp', credit: "IOM's Missing Migrants Project", status: 'completed', rows_read: 5, inserted: 4, rejected: 1 })
    expect(body.rejections).toEqual([{ line: 5, field: 'Coordinates', reason: 'no coordinates' }])
  })

  it('re-importing the same file is a no-op', async () => {
    const { status, body } = await upload('mmp-again.csv', IOM)
    expect(status).toBe(200)
    expect(body.noop).toBe(true)
    expect((await get('/api/incidents?source=iom-mmp')).body.features).toHaveLength(4)
  })

  it('a changed file updates the same incidents in place', async () => {
    const changed = IOM.replace('Incident,2019,January,2,0,2,0', 'Incident,2019,January,2,0,2,0') + '\nIncident,2022,June,5,0,5,0,Sahara Desert crossing,"20.1, 9.9"'
    const { status, body } = await upload('mmp-v2.csv', changed)
    expect(status).toBe(201)
    expect(body).toMatchObject({ inserted: 1, updated: 0, unchanged: 4, rejected: 1 })
    expect((await get('/api/incidents?source=iom-mmp')).body.features).toHaveLength(5)
  })

  it('a strict import with a rejected row puts nothing in and says why', async () => {
    const csv = 'id,lat,lng,date,category\nk1,18.1,7.2,2024-01-02,drug_trafficking\nk2,18.3,7.1,2024-13-02,drug_trafficking\n'
    const { status, body } = await upload('seizures.csv', csv, { strict: 'true' })
    expect(status).toBe(422)
    expect(body).toMatchObject({ status: 'rejected', inserted: 0, rejected: 1 })
    expect(body.rejections[0]).toMatchObject({ line: 3, field: 'date' })
    expect((await get('/api/incidents?source=seizures')).body.features).toHaveLength(0)
    const lenient = await upload('seizures.csv', csv, { strict: 'false', credit: 'Customs seizure log' })
    expect(lenient.body).toMatchObject({ status: 'completed', inserted: 1, rejected: 1, source_dataset: 'seizures', credit: 'Customs seizure log' })
  })

  it('a file that cannot be read is recorded as failed and puts nothing in', async () => {
    const { status, body } = await upload('bad.geojson', '{"type": "Nope"}')
    expect(status).toBe(422)
    expect(body.status).toBe('failed')
    expect(body.error).toMatch(/expected a FeatureCollection/)
  })

  it('lists imports newest first and returns one report by id', async () => {
    const { body } = await get('/api/imports')
    expect(body.imports[0].file_name).toBe('bad.geojson')
    const first = body.imports.at(-1)
    const one = await get(`/api/imports/${first.id}`)
    expect(one.body.rejections).toHaveLength(1)
    expect((await get('/api/imports/99999')).status).toBe(404)
  })

  it('pages incidents newest first with an opaque cursor', async () => {
    const seen: number[] = []
    let url = '/api/incidents?limit=2'
    for (;;) {
      const { body } = await get(url)
      seen.push(...body.features.map((f: any) => f.id))
      if (!body.next_cursor) break
      url = `/api/incidents?limit=2&cursor=${body.next_cursor}`
    }
    expect(seen).toHaveLength(6)
    expect(new Set(seen).size).toBe(6)
    const all = (await get('/api/incidents')).body.features.map((f: any) => f.id)
    expect(seen).toEqual(all)
  })

  it('filters by bbox, dates, threat and route family, and carries the credit', async () => {
    const { body } = await get('/api/incidents?bbox=5,15,10,22&from=2019-01-01&to=2021-12-31&threat=migration_trafficking&route_family=sahara')
    expect(body.features.map((f: any) => f.properties.date).sort()).toEqual(['2019-01-01', '2021-05-01'])
    expect(body.credits).toEqual([{ dataset: 'iom-mmp', credit: "IOM's Missing Migrants Project" }])
    const split = body.features.find((f: any) => f.properties.date === '2021-05-01')
    expect(split.properties.attrs.may_double_count).toBe(true)
  })

  it('returns one incident as GeoJSON, with the low precision of a truncated longitude', async () => {
    const list = (await get('/api/incidents?route_family=western')).body.features
    const { status, body } = await get(`/api/incidents/${list[0].id}`)
    expect(status).toBe(200)
    expect(body.geometry.coordinates).toEqual([-5, 35.8793])
    expect(body.properties.geo_precision).toBe(3)
    expect((await get('/api/incidents/987654')).status).toBe(404)
  })

  it('answers a bad filter or cursor with a 400 naming the field', async () => {
    expect((await get('/api/incidents?route_family=northern')).body.field).toBe('route_family')
    expect((await get('/api/incidents?from=2024-02-30')).body.field).toBe('from')
    expect((await get('/api/incidents?cursor=abc')).body.field).toBe('cursor')
    expect((await get('/api/incidents?bbox=1,2,3')).body.field).toBe('bbox')
  })

  it('answers an upload without a file or with a bad option with a 400 naming the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/imports', payload: { a: 1 } })
    expect(res.statusCode).toBe(415)
    expect(res.json().field).toBe('file')
    expect((await upload('x.csv', 'a,b\n', {}, '?format=xls')).body.field).toBe('format')
    expect((await upload('x.csv', 'a,b\n', { strict: 'maybe' })).body.field).toBe('strict')
  })
})
