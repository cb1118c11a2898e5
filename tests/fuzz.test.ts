// Every endpoint under generated bad input (fast-check): malformed GeoJSON, huge or NaN
// coordinates, unicode, SQL fragments, wrong types. The answer is always a 4xx with a JSON body
// (or a 2xx when the input happens to be valid), never a 5xx, a hang or a crash. Nothing stored
// before is lost.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'
import { userWithToken } from './helpers/users.ts'

const RUNS = Number(process.env.FUZZ_RUNS ?? 300)

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom("'; DROP TABLE routes; --", '1 OR 1=1', '%00', '../../etc/passwd', 'NaN', 'Infinity', '-0', '1e309', '', ' ', '٣', '𝟘', '\u202e', 'null', '[]', '{}'),
  fc.double().map(String),
  fc.integer().map(String),
)

const coord = fc.oneof(fc.double(), fc.constantFrom(Number.NaN, 1e308, -1e308, 181, -91), fc.integer({ min: -200, max: 200 }))
const position = fc.oneof(fc.array(coord, { minLength: 0, maxLength: 4 }), nasty, fc.constant(null))
const geometry = fc.oneof(
  fc.record({ type: fc.constantFrom('LineString', 'MultiLineString', 'Point', 'Polygon', 'Feature', 'bogus'), coordinates: fc.oneof(fc.array(position, { maxLength: 6 }), fc.array(fc.array(position, { maxLength: 4 }), { maxLength: 3 }), nasty) }),
  fc.record({ type: fc.constant('Feature'), geometry: fc.oneof(fc.constant(null), fc.record({ type: fc.constant('LineString'), coordinates: fc.array(position, { maxLength: 5 }) })) }),
  fc.jsonValue(),
)

/** GET endpoints and the query parameters to fill with generated values. */
const GETS: [string, string[]][] = [
  ['/api/routes', ['family', 'kind', 'threat', 'country']],
  ['/api/places', ['q', 'bbox', 'limit']],
  ['/api/incidents', ['bbox', 'from', 'to', 'threat', 'source', 'route_family', 'limit', 'cursor']],
  ['/api/hotspots', ['res', 'bbox', 'from', 'to', 'metric', 'stat', 'threat']],
  ['/api/hotspots/trends', ['res', 'from', 'to', 'bin']],
  ['/api/incidents/series', ['bucket', 'split', 'from', 'to', 'route', 'corridor_km', 'lang', 'threat']],
  ['/api/analysis/near', ['lng', 'lat', 'radius_km']],
  ['/api/routes/cmr-agadez-sabha-tripoli/analysis', ['corridor_km']],
  ['/ogc/collections/incidents/items', ['bbox', 'datetime', 'limit', 'cursor', 'before', 'threat']],
  ['/ogc/collections/places/items', ['bbox', 'limit', 'rank', 'name']],
  ['/tiles/hotspots/4/8/7.mvt', ['res', 'from', 'threat']],
]

describe.each(testDrivers())('fuzzing on %s', (driver) => {
  let t: TestApp
  let tried = 0
  beforeAll(async () => {
    t = await build(driver)
  })
  afterAll(async () => {
    console.log(`fuzz (${driver}): ${tried} generated requests, no 5xx`)
    await t?.close()
  })

  const expectClientOutcome = (res: { statusCode: number; headers: Record<string, unknown>; body: string }, what: string) => {
    tried++
    expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 200)}`).toBeLessThan(500)
    if (res.statusCode >= 400) {
      expect(String(res.headers['content-type']), what).toMatch(/json/)
      expect(res.body, what).not.toMatch(/at .+\.ts:\d+|stack|SELECT |PGlite|postgres/i)
    }
  }

  it('answers generated query strings on every GET endpoint without a 5xx', async () => {
    for (const [path, params] of GETS) {
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.constantFrom(...params), nasty, { maxKeys: 3 }), async (query) => {
          const url = `${path}?${new URLSearchParams(query)}`
          expectClientOutcome(await t.app.inject({ method: 'GET', url }), url)
        }),
        { numRuns: Math.ceil(RUNS / 4) },
      )
    }
  })

  it('answers generated path parameters without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, nasty, fc.integer({ min: -5, max: 40 }), async (a, b, z) => {
        for (const url of [
          `/api/routes/${encodeURIComponent(a)}`,
          `/api/routes/${encodeURIComponent(a)}/history`,
          `/api/borders/${encodeURIComponent(a)}/${encodeURIComponent(b)}/crossings`,
          `/api/incidents/${encodeURIComponent(a)}`,
          `/tiles/${encodeURIComponent(a)}/${z}/${encodeURIComponent(b)}/1.mvt`,
          `/ogc/collections/${encodeURIComponent(a)}/items/${encodeURIComponent(b)}`,
        ]) {
          expectClientOutcome(await t.app.inject({ method: 'GET', url }), url)
        }
      }),
      { numRuns: RUNS },
    )
  })

  it('answers generated GeoJSON to the drawn-route analysis without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(geometry, async (body) => {
        const res = await t.app.inject({ method: 'POST', url: '/api/analysis/route', payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } })
        expectClientOutcome(res, `POST /api/analysis/route ${JSON.stringify(body).slice(0, 120)}`)
      }),
      { numRuns: RUNS },
    )
  })

  it('answers generated route edits without a 5xx and loses no catalogue route', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/routes' })).json().features.length
    const edit = fc.record(
      {
        name: nasty,
        family: fc.oneof(nasty, fc.constantFrom('central', 'western')),
        kind: fc.oneof(nasty, fc.constant('migration')),
        threats: fc.oneof(fc.array(nasty, { maxLength: 3 }), fc.constant(['migration_trafficking'])),
        direction: fc.oneof(nasty, fc.constant('forward')),
        confidence: fc.oneof(nasty, fc.constant('low')),
        geometry,
      },
      { requiredKeys: [] },
    )
    await fc.assert(
      fc.asyncProperty(edit, fc.constantFrom('POST', 'PUT'), async (body, method) => {
        const url = method === 'POST' ? '/api/routes' : '/api/routes/cmr-agadez-sabha-tripoli'
        const res = await t.app.inject({ method, url, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } })
        expectClientOutcome(res, `${method} ${url} ${JSON.stringify(body).slice(0, 120)}`)
      }),
      { numRuns: RUNS },
    )
    const after = (await t.app.inject({ method: 'GET', url: '/api/routes' })).json().features
    expect(after.length).toBeGreaterThanOrEqual(before)
    expect(after.map((f: any) => f.id)).toContain('cmr-agadez-sabha-tripoli')
  })

  it('answers generated patrol plans without a 5xx', async () => {
    const plan = fc.record(
      {
        k: fc.oneof(fc.integer({ min: -5, max: 200 }), nasty),
        radius_km: fc.oneof(fc.double(), fc.integer({ min: -10, max: 1000 }), nasty),
        candidates: fc.oneof(fc.jsonValue(), fc.record({ border_pairs: fc.array(fc.array(nasty, { maxLength: 3 }), { maxLength: 2 }), border_km: fc.oneof(fc.double(), nasty) })),
        method: fc.oneof(nasty, fc.constantFrom('greedy', 'exact')),
      },
      { requiredKeys: [] },
    )
    await fc.assert(
      fc.asyncProperty(plan, async (body) => {
        const res = await t.app.inject({ method: 'POST', url: '/api/patrols/plan', payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } })
        expectClientOutcome(res, `POST /api/patrols/plan ${JSON.stringify(body).slice(0, 160)}`)
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    )
  })

  it('answers truncated and garbage uploads to the importer without a 5xx', async () => {
    const header = 'Incident Type,Incident year,Reported Month,Number of Dead,Total Number of Dead and Missing,Coordinates,Migration route\n'
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ maxLength: 200 }).map((s) => header + s), fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1'))), async (content) => {
        const boundary = '----fuzz'
        const payload = Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="fuzz.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`,
          'latin1',
        )
        const truncated = content.length % 2 === 0 ? payload : payload.subarray(0, Math.floor(payload.length * 0.7))
        const res = await t.app.inject({ method: 'POST', url: '/api/imports', payload: truncated, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } })
        expectClientOutcome(res, `POST /api/imports ${JSON.stringify(content.slice(0, 60))}`)
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    )
  })
})

describe.each(testDrivers())('fuzzing the access layer (AUTH=on) on %s', (driver) => {
  let t: TestApp
  let admin: Record<string, string>
  let target = 0
  let tried = 0
  beforeAll(async () => {
    t = await build(driver, { authMode: true })
    admin = (await userWithToken(t.app.serviceDb, 1, 'fuzz.admin', 'admin')).headers
    // the user the generated changes and tokens go to (not the admin itself: revoking it would end the test)
    target = (await userWithToken(t.app.serviceDb, 1, 'fuzz.target', 'viewer')).id
  })
  afterAll(async () => {
    console.log(`fuzz of the access layer (${driver}): ${tried} generated requests, no 5xx`)
    await t?.close()
  })

  const expectRefusalOrSuccess = (res: { statusCode: number; headers: Record<string, unknown>; body: string }, what: string) => {
    tried++
    expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 200)}`).toBeLessThan(500)
    if (res.statusCode >= 400) {
      expect(String(res.headers['content-type']), what).toMatch(/json/)
      expect(res.body, what).not.toMatch(/at .+\.ts:\d+|stack|SELECT |PGlite|postgres|sahel_request/i)
    }
  }
  const credential = fc.oneof(
    nasty,
    nasty.map((s) => `Bearer ${s}`),
    fc.tuple(nasty, nasty).map(([a, b]) => `Bearer emb_${Buffer.from(a).toString('base64url')}.${Buffer.from(b).toString('base64url')}`),
    nasty.map((s) => `Bearer srt_${s}`),
  )

  it('refuses generated credentials with a 401, never a 5xx, on data, admin and embed paths', async () => {
    await fc.assert(
      fc.asyncProperty(credential, fc.constantFrom('/api/routes', '/api/incidents', '/tiles/routes/4/8/7.mvt', '/ogc/collections', '/api/admin/users', '/api/auth/me'), async (auth, url) => {
        const res = await t.app.inject({ method: 'GET', url, headers: { authorization: auth.replace(/[\r\n]/g, '') } })
        expectRefusalOrSuccess(res, `GET ${url} with ${JSON.stringify(auth).slice(0, 80)}`)
        expect(res.statusCode, url).toBe(401)
        const cookie = await t.app.inject({ method: 'GET', url: '/api/incidents', headers: { cookie: `sahel_session=${encodeURIComponent(auth)}` } })
        expectRefusalOrSuccess(cookie, 'cookie')
        expect(cookie.statusCode).toBe(401)
      }),
      { numRuns: RUNS },
    )
  })

  it('answers generated logins, user and token requests and sharing choices without a 5xx', async () => {
    const calls = fc.oneof(
      fc.record({ username: nasty, password: nasty }, { requiredKeys: [] }).map((body) => ({ method: 'POST' as const, url: '/api/auth/login', body, headers: {} })),
      fc.record({ username: fc.oneof(nasty, fc.constant('fuzz.user')), role: fc.oneof(nasty, fc.constant('viewer')), password: nasty, agency_id: fc.oneof(fc.integer(), nasty), expires_at: nasty }, { requiredKeys: [] }).map((body) => ({ method: 'POST' as const, url: '/api/admin/users', body, headers: admin })),
      fc.record({ role: nasty, revoked: fc.oneof(fc.boolean(), nasty), expires_at: fc.oneof(nasty, fc.constant(null)) }, { requiredKeys: [] }).map((body) => ({ method: 'PATCH' as const, url: `/api/admin/users/${target}`, body, headers: admin })),
      fc.record({ label: nasty, days: fc.oneof(fc.integer(), nasty) }, { requiredKeys: [] }).map((body) => ({ method: 'POST' as const, url: `/api/admin/users/${target}/tokens`, body, headers: admin })),
      fc.record({ name: nasty, state: nasty }, { requiredKeys: [] }).map((body) => ({ method: 'POST' as const, url: '/api/admin/agencies', body, headers: admin })),
      fc.record({ name: nasty, request: fc.jsonValue(), result: fc.jsonValue(), sharing: nasty, partners: nasty }, { requiredKeys: [] }).map((body) => ({ method: 'POST' as const, url: '/api/plans', body, headers: admin })),
      fc.record({ days: fc.oneof(fc.integer(), nasty) }, { requiredKeys: [] }).map((body) => ({ method: 'POST' as const, url: '/api/views/abcdefghij/embed-token', body, headers: admin })),
      fc.tuple(nasty, nasty).map(([sharing, partners]) => ({ method: 'POST' as const, url: `/api/imports?${new URLSearchParams({ sharing, partners })}`, body: undefined, headers: admin })),
    )
    await fc.assert(
      fc.asyncProperty(calls, async ({ method, url, body, headers }) => {
        const res = await t.app.inject({ method, url, payload: body === undefined ? undefined : JSON.stringify(body), headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) } })
        expectRefusalOrSuccess(res, `${method} ${url} ${JSON.stringify(body)?.slice(0, 120)}`)
      }),
      { numRuns: RUNS * 2 },
    )
    // the admin's own token still works: nothing the fuzzing did locked the service
    expect((await t.app.inject({ url: '/api/auth/me', headers: admin })).json().user.username).toBe('fuzz.admin')
  })
})
