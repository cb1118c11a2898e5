// Route analysis (issue 3) through app.inject, against every driver under test.
import { length as turfLength } from '@turf/turf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'

// Towns from the curated hubs and GeoNames, [lng, lat]
const AGADEZ = [7.99, 16.97]
const DIRKOU = [12.88, 18.99]
const MADAMA = [13.65, 21.96]
const SABHA = [14.43, 27.04]
const TUMMO = [14.1, 22.8]

/** Meridian arc length in km between two latitudes on WGS84 (Simpson's rule over M(φ)). */
function meridianArcKm(lat1: number, lat2: number): number {
  const a = 6378.137
  const e2 = 0.00669437999014
  const m = (deg: number) => {
    const s = Math.sin((deg * Math.PI) / 180)
    return (a * (1 - e2)) / (1 - e2 * s * s) ** 1.5
  }
  const n = 100
  const h = (lat2 - lat1) / n
  let sum = m(lat1) + m(lat2)
  for (let i = 1; i < n; i++) sum += m(lat1 + i * h) * (i % 2 ? 4 : 2)
  return (((sum * h) / 3) * Math.PI) / 180
}

describe.each(testDrivers())('route analysis on %s', (driver) => {
  let t: TestApp
  beforeAll(async () => {
    t = await build(driver)
  })
  afterAll(async () => t?.close())

  const call = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
    const res = await t.app.inject({ method, url, payload: payload as never })
    return { status: res.statusCode, body: res.body ? res.json() : null }
  }

  describe('GET /api/routes/:id/analysis', () => {
    let a: any
    beforeAll(async () => {
      a = (await call('GET', '/api/routes/cmr-agadez-sabha-tripoli/analysis?corridor_km=25')).body
    })

    it('crosses Niger to Libya once, within 60 km of the Tummo crossing', () => {
      const nerLby = a.border_crossings.filter((c: any) => c.from === 'NER' && c.to === 'LBY')
      expect(nerLby).toHaveLength(1)
      const [c] = nerLby
      const km = turfLength({ type: 'LineString', coordinates: [[c.lng, c.lat], TUMMO] } as never, { units: 'kilometers' })
      expect(km).toBeLessThan(60)
      expect(c.nearest_place.name).toBeTruthy()
      expect(c.along_km).toBeGreaterThan(900)
    })

    it('gives per-country km whose shares sum to 1 within 0.5%', () => {
      const sum = a.countries.reduce((s: number, c: any) => s + c.share, 0)
      expect(Math.abs(sum - 1)).toBeLessThan(0.005)
      expect(a.countries.map((c: any) => c.iso3)).toEqual(expect.arrayContaining(['NER', 'LBY']))
    })

    it('lists the desert hubs along the route in travel order', () => {
      const names = a.places_along.map((p: any) => p.name)
      const order = ['Agadez', 'Dirkou', 'Madama', 'Sabha'].map((n) => names.indexOf(n))
      expect(order.every((i) => i >= 0)).toBe(true)
      expect([...order].sort((x, y) => x - y)).toEqual(order)
      expect(a.places_along.every((p: any) => p.distance_km <= 25)).toBe(true)
    })

    it('gives a corridor whose geodesic area is 2 × width × length plus the end caps, within 3%', () => {
      const expected = 2 * 25 * a.length_km + Math.PI * 25 * 25
      expect(Math.abs(a.corridor.area_km2 / expected - 1)).toBeLessThan(0.03)
      expect(a.corridor.geometry.type).toMatch(/Polygon/)
    })

    it('finds the tramadol corridor sharing the Agadez–Sabha spine for hundreds of km', () => {
      const shared = a.shared_corridors.find((s: any) => s.id === 'drg-tramadol-lagos-agadez-sabha')
      expect(shared.overlap_km).toBeGreaterThan(800)
      expect(shared.end.along_km).toBeGreaterThan(shared.start.along_km)
      expect(a.shared_corridors.map((s: any) => s.id)).not.toContain('cmr-agadez-sabha-tripoli')
    })

    it('reports the km inside the operational zone', () => {
      expect(a.in_zone_km).toBeGreaterThan(100)
      expect(a.in_zone_km).toBeLessThan(a.length_km)
    })

    it('answers an unknown route with 404', async () => {
      expect((await call('GET', '/api/routes/nope/analysis')).status).toBe(404)
    })

    it('answers corridor_km=0 with a 400 naming corridor_km', async () => {
      const { status, body } = await call('GET', '/api/routes/cmr-agadez-sabha-tripoli/analysis?corridor_km=0')
      expect(status).toBe(400)
      expect(body.field).toBe('corridor_km')
    })
  })

  it('agrees with Turf on every catalogue route length within 0.5%', async () => {
    const { body } = await call('GET', '/api/routes')
    for (const f of body.features) {
      const turfKm = turfLength(f, { units: 'kilometers' })
      expect(Math.abs(f.properties.length_km / turfKm - 1), f.id).toBeLessThan(0.005)
    }
  })

  describe('POST /api/analysis/route', () => {
    it('analyses a drawn Agadez–Dirkou–Madama–Sabha line: one Niger→Libya crossing near Tummo', async () => {
      const { status, body } = await call('POST', '/api/analysis/route', { type: 'LineString', coordinates: [AGADEZ, DIRKOU, MADAMA, SABHA] })
      expect(status).toBe(200)
      const crossings = body.border_crossings.filter((c: any) => c.from === 'NER' && c.to === 'LBY')
      expect(crossings).toHaveLength(1)
      const km = turfLength({ type: 'LineString', coordinates: [[crossings[0].lng, crossings[0].lat], TUMMO] } as never, { units: 'kilometers' })
      expect(km).toBeLessThan(60)
    })

    it('splits a meridian across the Egypt–Sudan border at 22°N as a hand computation does', async () => {
      const { body } = await call('POST', '/api/analysis/route', { type: 'LineString', coordinates: [[28, 21], [28, 23]] })
      const km = (iso3: string) => body.countries.find((c: any) => c.iso3 === iso3).km
      expect(body.length_km).toBeCloseTo(meridianArcKm(21, 23), 0)
      expect(Math.abs(km('SDN') - meridianArcKm(21, 22))).toBeLessThan(1.5)
      expect(Math.abs(km('EGY') - meridianArcKm(22, 23))).toBeLessThan(1.5)
      expect(body.border_crossings).toMatchObject([{ from: 'SDN', to: 'EGY' }])
      expect(body.border_crossings[0].lat).toBeCloseTo(22, 1)
    })

    it('measures along a MultiLineString as its parts end to end', async () => {
      const { body } = await call('POST', '/api/analysis/route', {
        type: 'Feature',
        properties: {},
        geometry: { type: 'MultiLineString', coordinates: [[[10, 10], [10, 12]], [[28, 21], [28, 23]]] },
      })
      const [crossing] = body.border_crossings.filter((c: any) => c.to === 'EGY')
      expect(crossing.along_km).toBeCloseTo(meridianArcKm(10, 12) + meridianArcKm(21, 22), -1)
    })

    it.each([
      [{ type: 'LineString', coordinates: [[8, 17]] }, 'body.coordinates', /at least 2 positions/],
      [{ type: 'LineString', coordinates: [[8, 17], [200, 17]] }, 'body.coordinates[1]', /longitude must be a number from -180 to 180/],
      [{ type: 'Point', coordinates: [8, 17] }, 'body.type', /must be LineString or MultiLineString/],
      [{ type: 'LineString', coordinates: Array.from({ length: 10_001 }, (_, i) => [i / 1e4, 10]) }, 'body.coordinates', /at most 10000 vertices/],
    ])('answers bad geometry %# with a 400 naming the problem', async (payload, field, message) => {
      const { status, body } = await call('POST', '/api/analysis/route', payload)
      expect(status).toBe(400)
      expect(body.field).toBe(field)
      expect(body.message).toMatch(message)
    })

    it('answers a body that is not JSON with a 400 naming the body', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/analysis/route', payload: 'LINESTRING(0 0, 1 1)', headers: { 'content-type': 'application/json' } })
      expect(res.statusCode).toBe(400)
      expect(res.json().field).toBe('body')
    })
  })

  describe('GET /api/borders/:a/:b/crossings', () => {
    it('lists the routes crossing the Libya–Niger border, in either order, with the crossing near Tummo', async () => {
      const [one, other] = await Promise.all([call('GET', '/api/borders/NER/LBY/crossings'), call('GET', '/api/borders/LBY/NER/crossings')])
      expect(one.body).toEqual(other.body)
      const route = one.body.routes.find((r: any) => r.id === 'cmr-agadez-sabha-tripoli')
      expect(route.crossings).toHaveLength(1)
      expect(route.crossings[0]).toMatchObject({ from: 'NER', to: 'LBY' })
      expect(Math.abs(route.crossings[0].lat - TUMMO[1])).toBeLessThan(0.5)
      expect(one.body.routes.length).toBeGreaterThanOrEqual(5)
    })

    it('answers a pair without a land border with 404', async () => {
      const { status, body } = await call('GET', '/api/borders/MAR/NER/crossings')
      expect(status).toBe(404)
      expect(body.message).toBe('MAR and NER share no land border')
    })

    it('answers an unknown country with a 400 naming it', async () => {
      const { status, body } = await call('GET', '/api/borders/XXX/NER/crossings')
      expect(status).toBe(400)
      expect(body.field).toBe('a')
    })
  })

  describe('GET /api/analysis/near', () => {
    it('finds the routes through Dirkou, nearest first, with their position along', async () => {
      const { body } = await call('GET', `/api/analysis/near?lng=${DIRKOU[0]}&lat=${DIRKOU[1]}&radius_km=10`)
      const ids = body.routes.map((r: any) => r.id)
      expect(ids).toContain('cmr-agadez-sabha-tripoli')
      const dists = body.routes.map((r: any) => r.distance_km)
      expect([...dists].sort((x, y) => x - y)).toEqual(dists)
      const cmr = body.routes.find((r: any) => r.id === 'cmr-agadez-sabha-tripoli')
      expect(cmr.distance_km).toBeLessThan(5)
      // Agadez to Dirkou is about 570 km in a straight line
      expect(cmr.along_km).toBeGreaterThan(500)
      expect(cmr.along_km).toBeLessThan(700)
    })

    it('answers radius_km over 500 with a 400 naming it', async () => {
      const { status, body } = await call('GET', '/api/analysis/near?lng=10&lat=20&radius_km=900')
      expect(status).toBe(400)
      expect(body.field).toBe('radius_km')
    })
  })

  describe('route editing', () => {
    const route = {
      name: 'Test track Agadez – Dirkou',
      family: 'central',
      kind: 'migration',
      threats: ['migration_trafficking'],
      direction: 'forward',
      confidence: 'low',
      geometry: { type: 'LineString', coordinates: [AGADEZ, DIRKOU] },
      sources: [{ publisher: 'Field report', title: 'Test', year: 2025 }],
    }

    it('creates, updates and deletes a route, keeping every version', async () => {
      const created = await call('POST', '/api/routes', { ...route, id: 'test-agadez-dirkou' })
      expect(created.status).toBe(201)
      expect(created.body.properties).toMatchObject({ version: 1, origin: 'analyst', countries: ['NER'] })

      const updated = await call('PUT', '/api/routes/test-agadez-dirkou', { ...route, confidence: 'medium', geometry: { type: 'LineString', coordinates: [AGADEZ, DIRKOU, MADAMA, SABHA] } })
      expect(updated.status).toBe(200)
      expect(updated.body.properties).toMatchObject({ version: 2, confidence: 'medium', countries: ['NER', 'LBY'] })

      expect((await call('DELETE', '/api/routes/test-agadez-dirkou')).status).toBe(204)
      expect((await call('GET', '/api/routes/test-agadez-dirkou')).status).toBe(404)

      const history = await call('GET', '/api/routes/test-agadez-dirkou/history')
      expect(history.body.versions.map((v: any) => [v.version, v.change, v.confidence])).toEqual([
        [3, 'delete', 'medium'],
        [2, 'update', 'medium'],
        [1, 'create', 'low'],
      ])
      expect(history.body.versions[2].geometry.coordinates).toEqual([AGADEZ, DIRKOU])
    })

    it('refuses a second route with a taken id, even a deleted one', async () => {
      await call('POST', '/api/routes', { ...route, id: 'test-taken' })
      await call('DELETE', '/api/routes/test-taken')
      const again = await call('POST', '/api/routes', { ...route, id: 'test-taken' })
      expect(again.status).toBe(409)
    })

    it('makes an id from the name when none is given', async () => {
      const { status, body } = await call('POST', '/api/routes', route)
      expect(status).toBe(201)
      expect(body.id).toMatch(/^test-track-agadez-dirkou-[0-9a-f]{6}$/)
    })

    it('edits a catalogue route the same way and keeps the catalogue version in history', async () => {
      const original = (await call('GET', '/api/routes/fuel-libya-chad')).body
      const { status } = await call('PUT', '/api/routes/fuel-libya-chad', {
        ...route,
        name: 'Fuel: Kufra – Faya-Largeau (revised)',
        family: 'sahara',
        kind: 'fuel',
        threats: ['subsidised_goods_smuggling'],
        geometry: original.geometry,
      })
      expect(status).toBe(200)
      const history = (await call('GET', '/api/routes/fuel-libya-chad/history')).body.versions
      expect(history.map((v: any) => v.change)).toEqual(['update', 'catalogue'])
      expect(history[1].name).toBe(original.properties.name)
    })

    it.each([
      [{ family: 'northern' }, 'body.family'],
      [{ geometry: { type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]]] } }, 'body.geometry.type'],
      [{ geometry: { type: 'LineString', coordinates: [[0, 0], [1, 95]] } }, 'body.geometry.coordinates[1]'],
      [{ colour: 'red' }, 'body.colour'],
      [{ threats: [] }, 'body.threats'],
    ])('answers bad route %# with a 400 naming the field and stores nothing', async (change, field) => {
      const before = (await call('GET', '/api/routes')).body.features.length
      const { status, body } = await call('POST', '/api/routes', { ...route, ...change, id: 'test-bad' })
      expect(status).toBe(400)
      expect(body.field).toBe(field)
      expect((await call('GET', '/api/routes')).body.features.length).toBe(before)
      expect((await call('GET', '/api/routes/test-bad/history')).status).toBe(404)
    })
  })
})
