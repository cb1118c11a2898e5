// GET /api/incidents/series (the charts' data) through app.inject on every driver, over the seeded
// synthetic demo incidents: each series equals a count of the incidents the list endpoint returns
// for the same filter, bucketed here.
import { pointToLineDistance } from '@turf/turf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { periodOf } from '../shared/charts/scale.ts'
import { DEMO_COUNT, seedDemoIncidents } from '../server/import/seed-demo.ts'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'

interface Incident {
  id: number
  properties: { date: string; date_precision: string; threat: string; dead: number | null; missing: number | null; route_family: string | null }
  geometry: { coordinates: [number, number] }
}

describe.each(testDrivers())('incident series on %s', (driver) => {
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

  /** Every incident the list endpoint returns for a filter query. */
  async function listAll(query: string): Promise<Incident[]> {
    const out: Incident[] = []
    let cursor: string | null = null
    do {
      const { body } = await get(`/api/incidents?limit=5000&${query}${cursor ? `&cursor=${cursor}` : ''}`)
      out.push(...body.features)
      cursor = body.next_cursor
    } while (cursor)
    return out
  }

  /** Counts per period and key of incidents, the way a chart should show them. */
  function tally(incidents: Incident[], bucket: 'month' | 'quarter', keyOf: (i: Incident) => string) {
    const counts = new Map<string, number>()
    for (const i of incidents) {
      if (i.properties.date_precision === 'year') continue
      const k = `${periodOf(i.properties.date, bucket)}|${keyOf(i)}`
      counts.set(k, (counts.get(k) ?? 0) + 1)
    }
    return counts
  }

  function seriesCounts(body: { periods: string[]; series: { key: string; values: number[] }[] }) {
    const counts = new Map<string, number>()
    for (const s of body.series) s.values.forEach((v, i) => v > 0 && counts.set(`${body.periods[i]}|${s.key}`, v))
    return counts
  }

  const FILTER = 'bbox=-5,10,25,30&from=2022-01-01&to=2023-06-30&threat=migration_trafficking,drug_trafficking,arms_proliferation'

  it('counts incidents per month and threat exactly as the incidents list does, every month of the range present', async () => {
    const { status, body } = await get(`/api/incidents/series?bucket=month&split=threat&${FILTER}`)
    expect(status).toBe(200)
    expect(body.periods).toHaveLength(18)
    expect(body.periods[0]).toBe('2022-01')
    expect(body.periods.at(-1)).toBe('2023-06')
    const raw = await listAll(FILTER)
    expect(raw.length).toBeGreaterThan(50)
    expect(seriesCounts(body)).toEqual(tally(raw, 'month', (i) => i.properties.threat))
    expect(body.series.map((s: { key: string }) => s.key).sort()).toEqual(['arms_proliferation', 'drug_trafficking', 'migration_trafficking'])
  })

  it('sums dead and missing per quarter as the incidents carry them', async () => {
    const { body } = await get(`/api/incidents/series?bucket=quarter&${FILTER}`)
    expect(body.periods).toEqual(['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4', '2023-Q1', '2023-Q2'])
    expect(body.series).toHaveLength(1)
    const [all] = body.series
    expect(all.key).toBe('all')
    const raw = await listAll(FILTER)
    const dead = body.periods.map((p: string) => raw.filter((i) => periodOf(i.properties.date, 'quarter') === p).reduce((a, i) => a + (i.properties.dead ?? 0), 0))
    expect(all.dead).toEqual(dead)
    expect(dead.reduce((a: number, b: number) => a + b, 0)).toBeGreaterThan(0)
    expect(all.missing).toEqual([0, 0, 0, 0, 0, 0])
    expect(all.values.reduce((a: number, b: number) => a + b, 0)).toBe(raw.length)
    expect(body.casualty_incidents).toBe(raw.filter((i) => i.properties.dead !== null || i.properties.missing !== null).length)
    expect(body.dead_incidents).toBe(raw.filter((i) => i.properties.dead !== null).length)
    expect(body.missing_incidents).toBe(0)
  })

  it('splits by route family, unassigned where the incident has none', async () => {
    const { body } = await get(`/api/incidents/series?split=family&${FILTER}`)
    const raw = await listAll(FILTER)
    expect(seriesCounts(body)).toEqual(tally(raw, 'month', (i) => i.properties.route_family ?? 'unassigned'))
  })

  it('splits by the country that holds each incident, named in the language asked', async () => {
    const { body } = await get(`/api/incidents/series?split=country&lang=fr&${FILTER}`)
    const total = body.series.reduce((a: number, s: { values: number[] }) => a + s.values.reduce((x, y) => x + y, 0), 0)
    expect(total).toBe((await listAll(FILTER)).length)
    const niger = body.series.find((s: { key: string }) => s.key === 'NER')
    expect(niger.label).toBe('Niger')
    expect(body.series.find((s: { key: string }) => s.key === 'TCD')?.label ?? 'Tchad').toBe('Tchad')
    const [raw] = await t.app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM incidents i JOIN countries c ON c.iso3 = 'NER' AND ST_Intersects(c.geom, i.geom)
       WHERE i.geom && ST_MakeEnvelope(-5, 10, 25, 30, 4326) AND i.occurred_on BETWEEN '2022-01-01' AND '2023-06-30'
         AND i.threat IN ('migration_trafficking', 'drug_trafficking', 'arms_proliferation') AND i.date_precision <> 'year'`,
    )
    expect(niger.values.reduce((a: number, b: number) => a + b, 0)).toBe(raw.n)
  })

  it('splits by exchange origin: every demo incident was made here', async () => {
    const { body } = await get('/api/incidents/series?split=origin&bucket=quarter')
    expect(body.series.map((s: { key: string }) => s.key)).toEqual(['local'])
    expect(body.series[0].values.reduce((a: number, b: number) => a + b, 0) + body.year_precise).toBe(DEMO_COUNT)
  })

  it('counts the incidents within the corridor of one route', async () => {
    const route = (await get('/api/routes/cmr-agadez-sabha-tripoli')).body
    expect(route.geometry.type).toBe('LineString')
    const { status, body } = await get('/api/incidents/series?route=cmr-agadez-sabha-tripoli&corridor_km=25&bucket=quarter')
    expect(status).toBe(200)
    const n = body.series[0]?.values.reduce((a: number, b: number) => a + b, 0) ?? 0
    const all = (await listAll('')).filter((i) => i.properties.date_precision !== 'year')
    const km = all.map((i) => pointToLineDistance(i.geometry.coordinates, route.geometry, { units: 'kilometers' }))
    // geodesic distances from two methods agree within metres: only points right on the edge may differ
    expect(n).toBeGreaterThanOrEqual(km.filter((d) => d < 24.9).length)
    expect(n).toBeLessThanOrEqual(km.filter((d) => d < 25.1).length)
    expect(n).toBeGreaterThan(20)
  })

  it('answers 400 naming bucket or split for a value it does not know, or to for a span past 100 years, and 404 for an unknown route', async () => {
    const week = await get('/api/incidents/series?bucket=week')
    expect(week.status).toBe(400)
    expect(week.body.field).toBe('bucket')
    const split = await get('/api/incidents/series?split=colour')
    expect(split.status).toBe(400)
    expect(split.body.field).toBe('split')
    const span = await get('/api/incidents/series?from=1800-01-01&to=2024-12-31')
    expect(span.status).toBe(400)
    expect(span.body).toMatchObject({ field: 'to', message: 'a chart spans at most 100 years, got 1800-01-01 .. 2024-12-31' })
    // an open end runs to the incidents' first or last month: too far from there is the given end's fault
    const early = await get('/api/incidents/series?from=0001-01-01')
    expect(early.status).toBe(400)
    expect(early.body.field).toBe('from')
    const route = await get('/api/incidents/series?route=no-such-route')
    expect(route.status).toBe(404)
    expect(route.body.message).toBe('no route with id "no-such-route"')
  })

  it('places incidents on borders, beside them and at sea in the country a lookup of each point gives', async () => {
    // 1990 is before every demo incident: a grid of points over land and sea, every 25th vertex of
    // every land border (on the line both countries share) and points a metre to either side of it
    await t.app.db.query(
      `INSERT INTO incidents (source_dataset, source_id, import_id, occurred_on, date_precision, threat, geom, h3_r3, h3_r4, h3_r5, h3_r6, h3_r7, h3_r8, h3_r9)
       SELECT d.source_dataset, 'series-country-' || row_number() OVER (), d.import_id, DATE '1990-01-01' + (row_number() OVER ())::int % 365, 'day', 'migration_trafficking', p.geom, 0, 0, 0, 0, 0, 0, 0
       FROM (SELECT source_dataset, import_id FROM incidents LIMIT 1) d,
       (SELECT ST_SetSRID(ST_MakePoint(x, y), 4326) AS geom FROM generate_series(-18.0, 16.0, 0.37) x, generate_series(3.0, 24.0, 0.37) y
        UNION ALL
        SELECT ST_Translate(v.geom, dx, dy) FROM (SELECT (ST_DumpPoints(geom)).* FROM borders) v, (VALUES (0, 0), (0.00001, 0), (-0.00001, 0), (0, 0.00001), (0, -0.00001)) o(dx, dy)
        WHERE v.path[array_length(v.path, 1)] % 25 = 0) p`,
    )
    try {
      const { body } = await get('/api/incidents/series?split=country&from=1990-01-01&to=1990-12-31')
      const rows = await t.app.db.query<{ period: string; key: string; n: number }>(
        `SELECT to_char(i.occurred_on, 'YYYY-MM') AS period, COALESCE((SELECT c.iso3 FROM countries c WHERE ST_Intersects(c.geom, i.geom) ORDER BY c.iso3 LIMIT 1), 'none') AS key, count(*)::int AS n
         FROM incidents i WHERE i.source_id LIKE 'series-country-%' GROUP BY 1, 2`,
      )
      const expected = new Map(rows.map((r) => [`${r.period}|${r.key}`, r.n]))
      expect(rows.reduce((a, r) => a + r.n, 0)).toBeGreaterThan(5000)
      expect(new Set(rows.map((r) => r.key)).size).toBeGreaterThan(10)
      expect(expected.has(`1990-06|none`)).toBe(true)
      expect(seriesCounts(body)).toEqual(expected)
    } finally {
      await t.app.db.query("DELETE FROM incidents WHERE source_id LIKE 'series-country-%'")
    }
  })
})
