// The incidents collection of OGC API Features over 100,000 incidents: paging returns every
// incident exactly once, and bbox + datetime filters count what SQL counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'
import { insertGeneratedIncidents } from './helpers/generated-incidents.ts'

const N = 100_000

describe.each(testDrivers())('OGC incidents on %s', (driver) => {
  let t: TestApp
  beforeAll(async () => {
    t = await build(driver)
    await insertGeneratedIncidents(t.app.db, N)
  })
  afterAll(async () => t?.close())

  const get = async (url: string) => (await t.app.inject({ method: 'GET', url, headers: { host: 'sahel.test' } })).json()

  it('pages through 100,000 incidents, every one exactly once', async () => {
    const seen = new Uint8Array(N + 1)
    let url = '/ogc/collections/incidents/items?limit=10000'
    let pages = 0
    let total = 0
    let matched = 0
    while (url) {
      const page = await get(url)
      matched = page.numberMatched
      for (const f of page.features) {
        const n = Number(f.properties.source_id.slice(1))
        expect(seen[n]).toBe(0)
        seen[n] = 1
        total++
      }
      pages++
      const next = page.links.find((l: any) => l.rel === 'next')
      url = next ? next.href.replace('http://sahel.test', '') : ''
    }
    expect(matched).toBe(N)
    expect(total).toBe(N)
    expect(pages).toBeGreaterThanOrEqual(10)
  })

  it('filters by bbox, datetime and threat as SQL counts them', async () => {
    const url = '/ogc/collections/incidents/items?bbox=-10,12,5,20&datetime=2017-01-01/2018-06-30&threat=drug_trafficking&limit=1'
    const page = await get(url)
    const [{ n }] = await t.app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM incidents WHERE geom && ST_MakeEnvelope(-10, 12, 5, 20, 4326)
         AND occurred_on BETWEEN '2017-01-01' AND '2018-06-30' AND threat = 'drug_trafficking'`,
    )
    expect(n).toBeGreaterThan(100)
    expect(page.numberMatched).toBe(n)
    expect(page.features[0].properties).toMatchObject({ threat: 'drug_trafficking', credit: 'generated test data' })
  })

  it('serves one incident with its credit line', async () => {
    const first = (await get('/ogc/collections/incidents/items?limit=1')).features[0]
    const one = await get(`/ogc/collections/incidents/items/${first.id}`)
    expect(one.properties.source_id).toBe(first.properties.source_id)
    expect(one.properties.credit).toBe('generated test data')
  })

  it('gives the collection a temporal extent from the occurrence dates', async () => {
    const c = await get('/ogc/collections/incidents')
    expect(c.extent.temporal.interval[0][0]).toMatch(/^2015-01-0/)
    expect(c.extent.temporal.interval[0][1]).toMatch(/^2023-12/)
  })
})
