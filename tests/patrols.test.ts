// Joint patrol siting (issue 5) through app.inject, against every driver under test: the
// Libya–Niger–Chad tri-border with k=6, 80 km reach, two existing posts kept.
import { parse } from 'csv-parse/sync'
import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { distanceKm } from '../shared/great-circle.ts'
import { seedDemoIncidents } from '../server/import/seed-demo.ts'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'

const MADAMA = { lng: 13.65, lat: 21.96, name: 'Madama' }
const WOUR = { lng: 15.35, lat: 21.35, name: 'Wour' }
const PAIRS = [['LBY', 'NER'], ['NER', 'TCD'], ['LBY', 'TCD']]

const request = (over: Record<string, unknown> = {}) => ({
  k: 6,
  radius_km: 80,
  min_spacing_km: 60,
  time_limit_s: 20,
  existing_sites: [MADAMA, WOUR],
  demand: { h3_res: 6, incidents: { weight: 1 }, route_km: { weight: 0.5 } },
  candidates: { h3_res: 5, border_pairs: PAIRS, border_km: 50 },
  ...over,
})

describe.each(testDrivers())('patrol siting on %s', (driver) => {
  let t: TestApp
  let greedy: any
  beforeAll(async () => {
    t = await build(driver)
    await seedDemoIncidents(t.app.db)
    greedy = await call('POST', '/api/patrols/plan', request())
  })
  afterAll(async () => t?.close())

  async function call(method: 'GET' | 'POST', url: string, payload?: unknown) {
    const res = await t.app.inject({ method, url, payload: payload as never })
    return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.body, headers: res.headers }
  }

  it('places 6 new sites after the 2 existing posts, which stay where they are', () => {
    expect(greedy.status).toBe(200)
    const sites = greedy.body.sites
    expect(sites).toHaveLength(8)
    expect(sites.slice(0, 2).map((s: any) => [s.kind, s.lng, s.lat, s.name])).toEqual([
      ['existing', MADAMA.lng, MADAMA.lat, 'Madama'],
      ['existing', WOUR.lng, WOUR.lat, 'Wour'],
    ])
    expect(sites.slice(2).every((s: any) => s.kind === 'new')).toBe(true)
    expect(greedy.body.shortfall).toBe(0)
  })

  it('puts every new site within 50 km (great circle on the sphere, by PostGIS) of one of the three borders', async () => {
    for (const s of greedy.body.sites.slice(2)) {
      const [row] = await t.app.db.query<{ km: number }>(
        `SELECT min(ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, false)) / 1000 AS km
         FROM borders WHERE (a_iso3, b_iso3) IN (('LBY','NER'), ('NER','TCD'), ('LBY','TCD'))`,
        [s.lng, s.lat],
      )
      expect(row.km).toBeLessThanOrEqual(50)
      expect(['LBY-NER', 'NER-TCD', 'LBY-TCD']).toContain(s.border_pair)
      expect(Math.abs(s.border_km - row.km)).toBeLessThan(0.1)
    }
  })

  it('keeps every pair of sites, new and existing, at least 60 km apart', () => {
    const sites = greedy.body.sites
    for (let a = 0; a < sites.length; a++) {
      for (let b = a + 1; b < sites.length; b++) {
        if (sites[a].kind === 'existing' && sites[b].kind === 'existing') continue
        expect(distanceKm([sites[a].lng, sites[a].lat], [sites[b].lng, sites[b].lat])).toBeGreaterThanOrEqual(60)
      }
    }
  })

  it('reports marginal gains summing to the covered demand, under an upper bound with its gap', () => {
    const p = greedy.body
    const gains = p.sites.reduce((s: number, x: any) => s + x.marginal_gain, 0)
    expect(gains).toBeCloseTo(p.covered_demand, 4)
    expect(p.total_demand).toBeCloseTo(1.5, 6)
    expect(p.coverage_ratio).toBeCloseTo(p.covered_demand / p.total_demand, 5)
    expect(p.bound).toBeGreaterThanOrEqual(p.covered_demand)
    expect(p.gap).toBeCloseTo((p.bound - p.covered_demand) / p.bound, 5)
    expect(p.sites.slice(3).every((s: any, i: number) => s.marginal_gain <= p.sites[i + 2].marginal_gain + 1e-9)).toBe(true)
  })

  it('breaks coverage down by country and threat with consistent totals', () => {
    const p = greedy.body
    expect(p.by_country.map((c: any) => c.iso3)).toEqual(expect.arrayContaining(['LBY', 'NER', 'TCD']))
    const threatCovered = p.by_threat.reduce((s: number, x: any) => s + x.covered, 0)
    expect(threatCovered).toBeCloseTo(p.incidents.covered, 6)
    expect(p.incidents.total).toBe(4000)
    expect(p.covered_cells.length).toBeGreaterThan(0)
  })

  it('finds with the exact method an optimum at least as good as greedy, proven within the MIP gap', async () => {
    const exact = await call('POST', '/api/patrols/plan', request({ method: 'exact' }))
    expect(exact.status).toBe(200)
    expect(exact.body.status).toBe('optimal')
    expect(exact.body.covered_demand).toBeGreaterThanOrEqual(greedy.body.covered_demand - 1e-6)
    expect(exact.body.gap).toBeLessThan(1e-4)
    expect(greedy.body.covered_demand / exact.body.covered_demand).toBeGreaterThan(1 - 1 / Math.E)
  })

  it('keeps sites inside the chosen country and outside the excluded polygon', async () => {
    // a box over the Niger side of the Tummo crossing, where unconstrained sites would go
    const box = [[13.5, 22], [14.6, 22], [14.6, 23.6], [13.5, 23.6], [13.5, 22]]
    const res = await call('POST', '/api/patrols/plan', request({
      k: 3,
      existing_sites: [],
      candidates: { h3_res: 5, border_pairs: [['LBY', 'NER']], border_km: 80, countries: ['NER'], exclude: [{ type: 'Polygon', coordinates: [box] }] },
    }))
    expect(res.status).toBe(200)
    for (const s of res.body.sites) {
      expect(s.country).toBe('NER')
      expect(s.border_pair).toBe('LBY-NER')
      const inBox = s.lng > 13.5 && s.lng < 14.6 && s.lat > 22 && s.lat < 23.6
      expect(inBox).toBe(false)
    }
  })

  it.each([
    [{ k: 0 }, 'body.k'],
    [{ radius_km: 4 }, 'body.radius_km'],
    [{ radius_km: 501 }, 'body.radius_km'],
    [{ candidates: { border_pairs: [['LBY', 'XXX']] } }, 'body.candidates.border_pairs.0.1'],
    [{ candidates: { border_pairs: [['MAR', 'NER']] } }, 'body.candidates.border_pairs.0'],
    [{ candidates: { countries: ['ATL'] } }, 'body.candidates.countries.0'],
    [{ demand: { incidents: { from: '2023-02-30' } } }, 'body.demand.incidents.from'],
    [{ candidates: { border_pairs: [['LBY', 'NER']], polygon: { type: 'Polygon', coordinates: [[[-30, 0], [-29, 0], [-29, 1], [-30, 0]]] } } }, 'body.candidates'],
  ])('answers %j with a 400 naming %s', async (over, field) => {
    const res = await call('POST', '/api/patrols/plan', request(over))
    expect(res.status).toBe(400)
    expect(res.body.field).toBe(field)
  })

  describe('saved plans', () => {
    let id: number
    beforeAll(async () => {
      const res = await call('POST', '/api/plans', { name: 'Tri-border, k=6', request: request(), result: greedy.body })
      expect(res.status).toBe(201)
      id = res.body.id
    })

    it('reads back the saved plan and request unchanged', async () => {
      const res = await call('GET', `/api/plans/${id}`)
      expect(res.status).toBe(200)
      expect(res.body.result).toEqual(greedy.body)
      expect(res.body.request.candidates.border_pairs).toEqual(PAIRS)
      expect(res.body.name).toBe('Tri-border, k=6')
    })

    it('exports GeoJSON with a point and an 80 km circle per site', async () => {
      const res = await call('GET', `/api/plans/${id}.geojson`)
      expect(res.headers['content-type']).toContain('application/geo+json')
      const fc = res.body as any
      expect(fc.features).toHaveLength(16)
      const circle = fc.features.find((f: any) => f.properties.role === 'coverage')
      expect(distanceKm(circle.geometry.coordinates[0][0], [circle.properties.lng, circle.properties.lat])).toBeCloseTo(80, 2)
    })

    it('exports CSV that parses back to the 8 sites', async () => {
      const res = await call('GET', `/api/plans/${id}.csv`)
      const rows = parse(res.body as string, { columns: true }) as Record<string, string>[]
      expect(rows.map((r) => Number(r.lng))).toEqual(greedy.body.sites.map((s: any) => s.lng))
      expect(rows[0].name).toBe('Madama')
    })

    it('exports KML that parses back to 8 placemarks and 8 circles', async () => {
      const res = await call('GET', `/api/plans/${id}.kml`)
      const doc = new XMLParser().parse(res.body as string)
      const [sites, circles] = doc.kml.Document.Folder
      expect(sites.Placemark).toHaveLength(8)
      expect(circles.Placemark).toHaveLength(8)
    })

    it('answers 404 for a plan that does not exist', async () => {
      expect((await call('GET', '/api/plans/999999')).status).toBe(404)
      expect((await call('GET', '/api/plans/999999.csv')).status).toBe(404)
    })
  })
})
