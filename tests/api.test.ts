// The foundation API through app.inject, against every driver under test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONFIDENCE, FAMILIES, KINDS, MEMBER_STATES } from '../shared/vocabulary.ts'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'

describe.each(testDrivers())('API on %s', (driver) => {
  let t: TestApp
  beforeAll(async () => {
    t = await build(driver)
  })
  afterAll(async () => t?.close())

  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url })
    return { status: res.statusCode, body: String(res.headers['content-type']).includes('json') ? res.json() : res.rawPayload }
  }

  describe('GET /api/health', () => {
    it('names the driver, the PostGIS version and what is loaded', async () => {
      const { status, body } = await get('/api/health')
      expect(status).toBe(200)
      expect(body.driver).toBe(driver)
      expect(body.postgis).toMatch(/^3\.\d+/)
      expect(body.counts.routes).toBeGreaterThanOrEqual(14)
      expect(body.counts.countries).toBeGreaterThanOrEqual(20)
      expect(body.counts.places).toBeGreaterThan(10_000)
    })
  })

  describe('GET /api/routes', () => {
    it('returns at least 40 routes covering every family and kind, each sourced, rated and dated', async () => {
      const { status, body } = await get('/api/routes')
      expect(status).toBe(200)
      expect(body.type).toBe('FeatureCollection')
      const props = body.features.map((f: any) => f.properties)
      expect(props.length).toBeGreaterThanOrEqual(40)
      expect(new Set(props.map((p: any) => p.family))).toEqual(new Set(FAMILIES))
      expect(new Set(props.map((p: any) => p.kind))).toEqual(new Set(KINDS))
      for (const p of props) {
        expect(p.sources.length, p.id).toBeGreaterThan(0)
        expect(CONFIDENCE, p.id).toContain(p.confidence)
        expect(p.waypoints.length, p.id).toBeGreaterThanOrEqual(2)
        // the shortest is El Geneina – Adré, 27 km across the Sudan–Chad border
        expect(p.length_km, p.id).toBeGreaterThan(20)
        expect(['active', 'declining', 'historical'], p.id).toContain(p.status)
        expect(p.sources.every((s: any) => Number.isInteger(s.year)), p.id).toBe(true)
      }
    })

    it('filters by family', async () => {
      const { body } = await get('/api/routes?family=central')
      expect(body.features.length).toBeGreaterThanOrEqual(3)
      expect(body.features.every((f: any) => f.properties.family === 'central')).toBe(true)
    })

    it('filters by threat', async () => {
      const { body } = await get('/api/routes?threat=arms_proliferation')
      expect(body.features.length).toBeGreaterThan(0)
      expect(body.features.every((f: any) => f.properties.threats.includes('arms_proliferation'))).toBe(true)
    })

    it('filters by a crossed country using the geometry', async () => {
      const { body } = await get('/api/routes?country=NER&kind=migration')
      const ids = body.features.map((f: any) => f.id)
      expect(ids.length).toBeGreaterThan(0)
      // every Niger route has a waypoint in Niger or crosses it between two waypoints
      for (const f of body.features) expect(f.properties.countries.length).toBeGreaterThan(0)
      const atlantic = (await get('/api/routes?family=atlantic')).body.features.map((f: any) => f.id)
      expect(ids.filter((id: string) => atlantic.includes(id))).toEqual([])
    })

    it('answers an unknown family with a 400 naming the field', async () => {
      const { status, body } = await get('/api/routes?family=northern')
      expect(status).toBe(400)
      expect(body.field).toBe('family')
    })

    it('answers a malformed country code with a 400 naming the field', async () => {
      const { status, body } = await get('/api/routes?country=niger')
      expect(status).toBe(400)
      expect(body.field).toBe('country')
    })
  })

  describe('GET /api/routes/:id', () => {
    it('returns one route by id with its ordered waypoints', async () => {
      const first = (await get('/api/routes')).body.features[0]
      const { status, body } = await get(`/api/routes/${first.id}`)
      expect(status).toBe(200)
      expect(body.id).toBe(first.id)
      expect(body.geometry.type).toBe('LineString')
      expect(body.properties.waypoints[0]).toHaveProperty('name')
    })

    it('answers an unknown id with a 404 JSON body', async () => {
      const { status, body } = await get('/api/routes/no-such-route')
      expect(status).toBe(404)
      expect(body.message).toMatch(/no-such-route/)
    })
  })

  describe('GET /api/countries', () => {
    it('returns the ten member states with English, French and Arabic names', async () => {
      const { body } = await get('/api/countries')
      const members = body.features.filter((f: any) => f.properties.member)
      expect(members.map((f: any) => f.properties.iso3).sort()).toEqual([...MEMBER_STATES].sort())
      const libya = members.find((f: any) => f.properties.iso3 === 'LBY').properties
      expect([libya.name_en, libya.name_fr, libya.name_ar]).toEqual(['Libya', 'Libye', 'ليبيا'])
    })
  })

  describe('GET /api/borders', () => {
    it('gives each border its ISO3 pair and a geodesic length near the published figure', async () => {
      const { body } = await get('/api/borders')
      const km = (a: string, b: string) => body.features.find((f: any) => f.properties.a_iso3 === a && f.properties.b_iso3 === b)?.properties.length_km
      // CIA World Factbook: Libya–Niger 342 km, Algeria–Libya 989 km, Chad–Libya 1,050 km
      expect(km('LBY', 'NER')).toBeGreaterThan(342 * 0.9)
      expect(km('LBY', 'NER')).toBeLessThan(342 * 1.1)
      expect(km('DZA', 'LBY')).toBeGreaterThan(989 * 0.9)
      expect(km('DZA', 'LBY')).toBeLessThan(989 * 1.1)
      expect(km('LBY', 'TCD')).toBeGreaterThan(1050 * 0.9)
      expect(km('LBY', 'TCD')).toBeLessThan(1050 * 1.1)
    })
  })

  describe('GET /api/places', () => {
    it.each(['Agadez', 'Dirkou', 'Séguédine', 'Madama', 'Al Qatrun', 'Sabha', 'Ubari', 'Ghat', 'Djanet', 'Tamanrasset', 'In Guezzam', 'Arlit', 'Gao', 'Kidal', 'Tessalit', 'Timbuktu', 'Faya-Largeau', 'Kufra', 'Dongola', 'Nouadhibou'])(
      'finds the desert hub %s by name',
      async (name) => {
        const { body } = await get(`/api/places?q=${encodeURIComponent(name)}&limit=5`)
        expect(body.features.length).toBeGreaterThan(0)
      },
    )

    it('ignores accents and case', async () => {
      const { body } = await get('/api/places?q=SEGUEDINE&limit=1')
      expect(body.features[0].properties.name).toBe('Séguédine')
    })

    it('limits the search to a bbox', async () => {
      const { body } = await get('/api/places?bbox=7,16,9,18&limit=1000')
      expect(body.features.length).toBeGreaterThan(0)
      for (const f of body.features) {
        const [lng, lat] = f.geometry.coordinates
        expect(lng >= 7 && lng <= 9 && lat >= 16 && lat <= 18).toBe(true)
      }
    })

    it('answers a bbox of three numbers with a 400 naming bbox', async () => {
      const { status, body } = await get('/api/places?bbox=1,2,3')
      expect(status).toBe(400)
      expect(body).toMatchObject({ field: 'bbox', message: 'bbox must be 4 numbers "west,south,east,north", got 3' })
    })

    it('answers limit=0 with a 400 naming limit', async () => {
      const { status, body } = await get('/api/places?q=gao&limit=0')
      expect(status).toBe(400)
      expect(body.field).toBe('limit')
    })
  })

  describe('GET /api/zone', () => {
    it('returns the operational zone with a geodesic area near 4 million km²', async () => {
      const { status, body } = await get('/api/zone')
      expect(status).toBe(200)
      expect(body.geometry.type).toBe('MultiPolygon')
      expect(body.properties.area_km2).toBeGreaterThan(3_600_000)
      expect(body.properties.area_km2).toBeLessThan(4_400_000)
      expect(body.properties.definition.length).toBeGreaterThan(20)
    })
  })

  describe('unknown endpoints', () => {
    it('answer 404 with a JSON body', async () => {
      const { status, body } = await get('/api/nothing-here')
      expect(status).toBe(404)
      expect(body.error).toBe('Not Found')
    })
  })
})
