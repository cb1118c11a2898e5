// Access control (issue 8) through app.inject on every driver, with AUTH=on: sign-in and web
// sessions, API tokens and their end (expiry, revocation, the user's end), what anonymous callers
// reach, what each role may do, what an agency admin manages, that no secret is ever shown or
// stored, the audit log, per-token rate limits and embed tokens.
import { existsSync } from 'node:fs'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, type App } from '../server/app.ts'
import { hashPassword, newToken, signEmbedToken, tokenHash } from '../server/auth/secrets.ts'
import type { AuditEntry } from '../server/repos/audit.ts'
import { embedKey, insertAgency, insertToken, insertUser } from '../server/repos/auth.ts'
import type { Role } from '../shared/access.ts'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'
import { multipart } from './helpers/multipart.ts'

const WEB_BUILT = existsSync(new URL('../web/dist/index.html', import.meta.url))
const PASSWORD = 'correct horse battery staple'
/** requests a minute per token or address of the second, rate-limited app on the same database */
const LIMIT_PER_MIN = 5
const DAY_MS = 86_400_000

const CSV = 'id,lat,lng,date,category\nk1,18.1,7.2,2024-01-02,drug_trafficking\n'
const ROUTE = {
  name: 'Test track Agadez – Dirkou',
  family: 'central',
  kind: 'migration',
  threats: ['migration_trafficking'],
  direction: 'forward',
  confidence: 'low',
  geometry: { type: 'LineString', coordinates: [[7.99, 16.97], [12.92, 18.97]] },
}
const PLAN_REQUEST = { k: 2, radius_km: 80, demand: { h3_res: 5, route_km: { weight: 1 } }, candidates: { h3_res: 5, border_pairs: [['NER', 'TCD']], border_km: 50 } }

interface Call {
  token?: string
  cookie?: string
  payload?: unknown
  headers?: Record<string, string>
  remoteAddress?: string
}

interface Person {
  id: number
  username: string
  agencyId: number
  /** a live API token */
  token: string
  tokenId: number
}

describe.each(testDrivers())('access control on %s', (driver) => {
  let t: TestApp
  /** a second app on the same database, rate limited to LIMIT_PER_MIN */
  let limited: App
  let nerAgency: number
  let tcdAgency: number
  const people: Record<string, Person> = {}

  beforeAll(async () => {
    t = await build(driver, { authMode: true })
    limited = await buildApp({ db: t.app.serviceDb, authMode: true, rateLimitPerMin: LIMIT_PER_MIN })
    nerAgency = (await insertAgency(t.app.serviceDb, 'Niger border police', 'NER')).id
    tcdAgency = (await insertAgency(t.app.serviceDb, 'Chad customs', 'TCD')).id
    const passwordHash = await hashPassword(PASSWORD)
    const users: [string, number, Role][] = [
      ['sec.admin', 1, 'admin'],
      ['ner.admin', nerAgency, 'admin'],
      ['ner.viewer', nerAgency, 'viewer'],
      ['ner.analyst', nerAgency, 'analyst'],
      ['ner.planner', nerAgency, 'planner'],
      ['tcd.admin', tcdAgency, 'admin'],
      ['tcd.analyst', tcdAgency, 'analyst'],
    ]
    for (const [username, agencyId, role] of users) {
      const user = await insertUser(t.app.serviceDb, { agencyId, username, role, passwordHash, expiresAt: null })
      const { id: tokenId, token } = await issue(user.id)
      people[username] = { id: user.id, username, agencyId, token, tokenId }
    }
  })
  afterAll(async () => {
    await limited?.close()
    await t?.close()
  })

  /** A new API token of a user, straight into the database; expires in a day unless told. */
  async function issue(userId: number, expiresAt = new Date(Date.now() + DAY_MS)): Promise<{ id: number; token: string }> {
    const token = newToken('api')
    const { id } = await insertToken(t.app.serviceDb, userId, 'api', tokenHash(token), 'test', expiresAt)
    return { id, token }
  }

  function call(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, options: Call = {}, app: App = t.app): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...options.headers }
    if (options.token) headers.authorization = `Bearer ${options.token}`
    if (options.cookie) headers.cookie = options.cookie
    return app.inject({ method, url, headers, payload: options.payload as never, remoteAddress: options.remoteAddress })
  }

  const as = (username: string) => people[username].token

  async function upload(token: string, query = '', csv = CSV) {
    const { payload, headers } = multipart({}, { name: 'seizures.csv', content: csv })
    return call('POST', `/api/imports${query}`, { token, payload, headers })
  }

  async function login(username: string, password = PASSWORD, options: Call = {}, app: App = t.app) {
    return call('POST', '/api/auth/login', { ...options, payload: { username, password } }, app)
  }

  /** The session cookie of a login, as a browser would send it back. */
  const sessionOf = (res: LightMyRequestResponse) => String(res.headers['set-cookie']).split(';')[0]

  async function auditLog(): Promise<AuditEntry[]> {
    const res = await call('GET', '/api/admin/audit?limit=1000', { token: as('sec.admin') })
    expect(res.statusCode, res.body).toBe(200)
    return res.json().entries
  }

  const expectJson = (res: LightMyRequestResponse, status: number, message?: RegExp) => {
    expect(res.statusCode, res.body).toBe(status)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    expect(res.json()).toMatchObject({ statusCode: status, error: status === 401 ? 'Unauthorized' : 'Forbidden' })
    if (message) expect(res.json().message).toMatch(message)
  }

  describe('sign-in', () => {
    it('marks the session cookie Secure behind a trusted TLS proxy, and only there', async () => {
      const proxied = await buildApp({ db: t.app.serviceDb, authMode: true, trustProxy: '127.0.0.1' })
      try {
        const https = { headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '10.9.0.7' } }
        expect(String((await login('ner.viewer', PASSWORD, https, proxied)).headers['set-cookie'])).toMatch(/; Secure$/)
        // the same header from a client the service does not trust changes nothing
        expect(String((await login('ner.viewer', PASSWORD, https)).headers['set-cookie'])).not.toMatch(/Secure/)
      } finally {
        await proxied.close()
      }
    })

    it('signs in with a password: an HttpOnly SameSite=Lax session cookie, then /api/auth/me names the user and agency', async () => {
      const res = await login('ner.viewer')
      expect(res.statusCode, res.body).toBe(200)
      expect(res.headers['set-cookie']).toMatch(/^sahel_session=srs_[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/)
      const me = await call('GET', '/api/auth/me', { cookie: sessionOf(res) })
      expect(me.statusCode).toBe(200)
      expect(me.json()).toEqual({
        mode: 'user',
        user: { id: people['ner.viewer'].id, username: 'ner.viewer', role: 'viewer', agency: { id: nerAgency, name: 'Niger border police', state: 'NER' } },
        permissions: ['read', 'export', 'share'],
      })
      expect((await call('GET', '/api/routes', { cookie: sessionOf(res) })).statusCode).toBe(200)
    })

    it('answers a wrong password, or an unknown user, with 401 JSON and no cookie', async () => {
      for (const [username, password] of [['ner.viewer', 'not the password at all'], ['nobody.here', PASSWORD]]) {
        const res = await login(username, password)
        expectJson(res, 401, /^wrong username or password/)
        expect(res.headers['set-cookie']).toBeUndefined()
      }
    })

    it('ends the session at logout: the cookie is cleared and the old one refused with 401', async () => {
      const cookie = sessionOf(await login('ner.viewer'))
      const out = await call('POST', '/api/auth/logout', { cookie })
      expect(out.statusCode).toBe(204)
      expect(out.headers['set-cookie']).toMatch(/^sahel_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0$/)
      expectJson(await call('GET', '/api/routes', { cookie }), 401, /expired, revoked or unknown/)
      expectJson(await call('GET', '/api/auth/me', { cookie }), 401)
      const [session] = await t.app.serviceDb.query<{ revoked_at: Date | null }>('SELECT revoked_at FROM api_tokens WHERE token_hash = $1', [tokenHash(cookie.split('=')[1])])
      expect(session.revoked_at).not.toBeNull()
    })

    it('lets a browser with a stale session cookie sign in again', async () => {
      const stale = sessionOf(await login('ner.viewer'))
      await call('POST', '/api/auth/logout', { cookie: stale })
      const again = await login('ner.viewer', PASSWORD, { cookie: stale })
      expect(again.statusCode, again.body).toBe(200)
      expect(sessionOf(again)).not.toBe(stale)
    })
  })

  describe('API tokens', () => {
    it('accepts a live API token as a bearer token', async () => {
      expect((await call('GET', '/api/routes', { token: as('ner.analyst') })).statusCode).toBe(200)
      const me = await call('GET', '/api/auth/me', { token: as('ner.analyst') })
      expect(me.json()).toMatchObject({ mode: 'user', user: { username: 'ner.analyst', role: 'analyst', agency: { id: nerAgency } } })
    })

    it('refuses an expired token with 401', async () => {
      const { token } = await issue(people['ner.viewer'].id, new Date(Date.now() - 60_000))
      expectJson(await call('GET', '/api/routes', { token }), 401, /expired, revoked or unknown/)
    })

    it('refuses an unknown token with 401', async () => {
      expectJson(await call('GET', '/api/routes', { token: newToken('api') }), 401, /expired, revoked or unknown/)
    })

    it('refuses a token revoked with DELETE /api/admin/tokens/:id, and a second revocation is 404', async () => {
      const { id, token } = await issue(people['ner.viewer'].id)
      expect((await call('GET', '/api/routes', { token })).statusCode).toBe(200)
      expect((await call('DELETE', `/api/admin/tokens/${id}`, { token: as('ner.admin') })).statusCode).toBe(204)
      expectJson(await call('GET', '/api/routes', { token }), 401)
      expect((await call('DELETE', `/api/admin/tokens/${id}`, { token: as('ner.admin') })).statusCode).toBe(404)
    })

    it('refuses the tokens and password of a user revoked with PATCH /api/admin/users/:id', async () => {
      const user = await insertUser(t.app.serviceDb, { agencyId: nerAgency, username: 'ner.leaver', role: 'viewer', passwordHash: await hashPassword(PASSWORD), expiresAt: null })
      const { token } = await issue(user.id)
      expect((await call('GET', '/api/routes', { token })).statusCode).toBe(200)
      const patched = await call('PATCH', `/api/admin/users/${user.id}`, { token: as('ner.admin'), payload: { revoked: true } })
      expect(patched.statusCode, patched.body).toBe(200)
      expect(patched.json().revoked_at).not.toBeNull()
      expectJson(await call('GET', '/api/routes', { token }), 401)
      expectJson(await login('ner.leaver'), 401)
    })

    it('refuses the tokens and password of a user whose account has expired', async () => {
      const user = await insertUser(t.app.serviceDb, { agencyId: nerAgency, username: 'ner.contractor', role: 'viewer', passwordHash: await hashPassword(PASSWORD), expiresAt: null })
      const { token } = await issue(user.id)
      expect((await call('GET', '/api/routes', { token })).statusCode).toBe(200)
      await t.app.serviceDb.query("UPDATE users SET expires_at = now() - interval '1 minute' WHERE id = $1", [user.id])
      expectJson(await call('GET', '/api/routes', { token }), 401)
      expectJson(await login('ner.contractor'), 401)
    })
  })

  describe('anonymous callers', () => {
    it('get 401 JSON for data: the API, tiles and OGC collections', async () => {
      for (const url of ['/api/routes', '/tiles/routes/4/8/7.mvt', '/ogc/collections']) {
        expectJson(await call('GET', url), 401, /^sign in, or send an API token as "Authorization: Bearer <token>"$/)
      }
    })

    it('still reach the health and readiness checks, the app page and the login', async () => {
      expect((await call('GET', '/api/health')).statusCode).toBe(200)
      expect((await call('GET', '/api/ready')).statusCode).toBe(200)
      if (WEB_BUILT) {
        const page = await call('GET', '/')
        expect(page.statusCode).toBe(200)
        expect(page.headers['content-type']).toMatch(/^text\/html/)
      }
      const res = await login('ner.viewer')
      expect(res.statusCode, res.body).toBe(200)
    })
  })

  describe('roles', () => {
    it('forbid a viewer to import, plan, save plans, create routes and administer (403 naming the role)', async () => {
      const token = as('ner.viewer')
      expectJson(await upload(token), 403, /^role viewer may not import$/)
      expectJson(await call('POST', '/api/patrols/plan', { token, payload: PLAN_REQUEST }), 403, /^role viewer may not plan$/)
      expectJson(await call('POST', '/api/plans', { token, payload: { name: 'x', request: PLAN_REQUEST, result: {} } }), 403, /^role viewer may not plan$/)
      expectJson(await call('POST', '/api/routes', { token, payload: ROUTE }), 403, /^role viewer may not edit-routes$/)
      expectJson(await call('GET', '/api/admin/users', { token }), 403, /^role viewer may not admin$/)
      expectJson(await call('POST', '/api/admin/users', { token, payload: { username: 'x.y', role: 'admin' } }), 403)
      expectJson(await call('GET', '/api/admin/audit', { token }), 403)
      expectJson(await call('DELETE', `/api/admin/tokens/${people['ner.analyst'].tokenId}`, { token }), 403)
    })

    it('let an analyst import a file (201) and forbid a planner to (403)', async () => {
      const res = await upload(as('ner.analyst'), '?dataset=analyst-import')
      expect(res.statusCode, res.body).toBe(201)
      expect(res.json()).toMatchObject({ status: 'completed', inserted: 1, owner_agency: nerAgency, sharing: 'regional' })
      expectJson(await upload(as('ner.planner'), '?dataset=planner-import'), 403, /^role planner may not import$/)
    })

    it('let a planner compute and save a plan, and forbid an analyst to (403)', async () => {
      const plan = await call('POST', '/api/patrols/plan', { token: as('ner.planner'), payload: PLAN_REQUEST })
      expect(plan.statusCode, plan.body).toBe(200)
      const saved = await call('POST', '/api/plans', { token: as('ner.planner'), payload: { name: 'Niger–Chad', request: PLAN_REQUEST, result: plan.json() } })
      expect(saved.statusCode, saved.body).toBe(201)
      expectJson(await call('POST', '/api/patrols/plan', { token: as('ner.analyst'), payload: PLAN_REQUEST }), 403, /^role analyst may not plan$/)
    })
  })

  describe('agency admins', () => {
    it('list only the users of their own agency', async () => {
      const res = await call('GET', '/api/admin/users', { token: as('ner.admin') })
      expect(res.statusCode).toBe(200)
      const users: { username: string; agency_id: number }[] = res.json().users
      expect(users.map((u) => u.username)).toContain('ner.viewer')
      expect(users.every((u) => u.agency_id === nerAgency)).toBe(true)
    })

    it('cannot patch, add, list the tokens of, or issue tokens to the users of another agency (404/403)', async () => {
      const other = people['tcd.analyst']
      const token = as('ner.admin')
      expect((await call('PATCH', `/api/admin/users/${other.id}`, { token, payload: { revoked: true } })).statusCode).toBe(404)
      expect((await call('GET', `/api/admin/users/${other.id}/tokens`, { token })).statusCode).toBe(404)
      expect((await call('POST', `/api/admin/users/${other.id}/tokens`, { token, payload: { label: 'x', days: 1 } })).statusCode).toBe(404)
      expectJson(await call('POST', '/api/admin/users', { token, payload: { username: 'tcd.new', role: 'viewer', agency_id: tcdAgency } }), 403)
      expectJson(await call('POST', '/api/admin/agencies', { token, payload: { name: 'Mali customs', state: 'MLI' } }), 403)
      expect((await call('GET', '/api/routes', { token: other.token })).statusCode).toBe(200)
      const [row] = await t.app.serviceDb.query<{ revoked_at: Date | null }>('SELECT revoked_at FROM users WHERE id = $1', [other.id])
      expect(row.revoked_at).toBeNull()
    })

    it('cannot revoke the tokens of another agency (404), which keep working', async () => {
      const { id, token } = await issue(people['tcd.analyst'].id)
      expect((await call('DELETE', `/api/admin/tokens/${id}`, { token: as('ner.admin') })).statusCode).toBe(404)
      expect((await call('GET', '/api/routes', { token })).statusCode).toBe(200)
    })

    it('of the secretariat manage the users and tokens of every agency', async () => {
      const token = as('sec.admin')
      const users: { agency_id: number }[] = (await call('GET', '/api/admin/users', { token })).json().users
      expect(new Set(users.map((u) => u.agency_id))).toEqual(new Set([1, nerAgency, tcdAgency]))
      const patched = await call('PATCH', `/api/admin/users/${people['tcd.analyst'].id}`, { token, payload: { role: 'analyst' } })
      expect(patched.statusCode, patched.body).toBe(200)
      const { id, token: secret } = await issue(people['tcd.analyst'].id)
      expect((await call('DELETE', `/api/admin/tokens/${id}`, { token })).statusCode).toBe(204)
      expectJson(await call('GET', '/api/routes', { token: secret }), 401)
      const added = await call('POST', '/api/admin/users', { token, payload: { username: 'tcd.viewer', role: 'viewer', agency_id: tcdAgency } })
      expect(added.statusCode, added.body).toBe(201)
      expect(added.json()).toMatchObject({ agency_id: tcdAgency, agency_name: 'Chad customs', state: 'TCD' })
    })
  })

  describe('secrets', () => {
    it('show a token secret once, at creation, and never in a GET answer', async () => {
      const created = await call('POST', `/api/admin/users/${people['ner.viewer'].id}/tokens`, { token: as('ner.admin'), payload: { label: 'nightly import', days: 30 } })
      expect(created.statusCode, created.body).toBe(201)
      const { id, token } = created.json()
      expect(token).toMatch(/^srt_[A-Za-z0-9_-]{43}$/)
      const listed = await call('GET', `/api/admin/users/${people['ner.viewer'].id}/tokens`, { token: as('ner.admin') })
      const mine = listed.json().tokens.find((x: { id: number }) => x.id === id)
      expect(Object.keys(mine).sort()).toEqual(['created_at', 'expires_at', 'id', 'label', 'revoked_at'])
      expect(mine.label).toBe('nightly import')
      for (const url of [`/api/admin/users/${people['ner.viewer'].id}/tokens`, '/api/admin/users', '/api/admin/audit?limit=1000']) {
        const body = (await call('GET', url, { token: as('sec.admin') })).body
        expect(body, url).not.toContain(token)
        expect(body, url).not.toContain(tokenHash(token))
        expect(body, url).not.toContain('scrypt$')
      }
    })

    it('store only the SHA-256 of tokens and sessions', async () => {
      const created = (await call('POST', `/api/admin/users/${people['ner.viewer'].id}/tokens`, { token: as('ner.admin'), payload: { label: 'hash check', days: 1 } })).json()
      const session = sessionOf(await login('ner.viewer')).split('=')[1]
      const rows = await t.app.serviceDb.query<{ id: number; token_hash: string }>('SELECT id, token_hash FROM api_tokens')
      const byId = rows.find((r) => Number(r.id) === created.id)!
      expect(byId.token_hash).toBe(tokenHash(created.token))
      expect(byId.token_hash).not.toBe(created.token)
      expect(rows.some((r) => r.token_hash === tokenHash(session))).toBe(true)
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true)
      expect(JSON.stringify(rows)).not.toContain(created.token)
      expect(JSON.stringify(rows)).not.toContain(session)
    })
  })

  describe('the audit log', () => {
    /** The newest entry of an action on a target, checked to name the user and agency. */
    async function expectAudited(action: string, target: string, username: string) {
      const entry = (await auditLog()).find((e) => e.action === action && e.target === target)
      expect(entry, `${action} ${target}`).toBeDefined()
      expect(entry).toMatchObject({ user_id: people[username].id, username, agency_id: people[username].agencyId })
    }

    it('records an import', async () => {
      const { id } = (await upload(as('ner.analyst'), '?dataset=audited-import')).json()
      await expectAudited('import', `import:${id}`, 'ner.analyst')
    })

    it('records the creation, update and deletion of a route', async () => {
      const token = as('ner.analyst')
      expect((await call('POST', '/api/routes', { token, payload: { ...ROUTE, id: 'audit-route' } })).statusCode).toBe(201)
      expect((await call('PUT', '/api/routes/audit-route', { token, payload: { ...ROUTE, confidence: 'medium' } })).statusCode).toBe(200)
      expect((await call('DELETE', '/api/routes/audit-route', { token })).statusCode).toBe(204)
      for (const action of ['route.create', 'route.update', 'route.delete']) await expectAudited(action, 'route:audit-route', 'ner.analyst')
    })

    it('records exports of a layer and of a static map', async () => {
      const token = as('tcd.analyst')
      expect((await call('GET', '/api/exports/routes.geojson?families=central', { token })).statusCode).toBe(200)
      expect((await call('GET', '/api/maps/static.svg?width=400&height=300&bbox=-6,12,26,28&layers=routes', { token })).statusCode).toBe(200)
      await expectAudited('export', 'routes.geojson', 'tcd.analyst')
      await expectAudited('export', 'static.svg', 'tcd.analyst')
    })

    it('records a saved plan', async () => {
      const token = as('ner.planner')
      const plan = await call('POST', '/api/patrols/plan', { token, payload: PLAN_REQUEST })
      const saved = await call('POST', '/api/plans', { token, payload: { name: 'Audited plan', request: PLAN_REQUEST, result: plan.json() } })
      expect(saved.statusCode, saved.body).toBe(201)
      await expectAudited('plan.create', `plan:${saved.json().id}`, 'ner.planner')
    })

    it('records a login', async () => {
      expect((await login('tcd.admin')).statusCode).toBe(200)
      await expectAudited('login', `user:${people['tcd.admin'].id}`, 'tcd.admin')
    })

    it('records the creation and revocation of a token by the admin who did it', async () => {
      const token = as('ner.admin')
      const { id } = (await call('POST', `/api/admin/users/${people['ner.viewer'].id}/tokens`, { token, payload: { label: 'to revoke', days: 1 } })).json()
      expect((await call('DELETE', `/api/admin/tokens/${id}`, { token })).statusCode).toBe(204)
      await expectAudited('token.create', `token:${id}`, 'ner.admin')
      await expectAudited('token.revoke', `token:${id}`, 'ner.admin')
    })

    it('shows an agency admin the entries of its own agency only', async () => {
      await login('tcd.admin')
      const entries: AuditEntry[] = (await call('GET', '/api/admin/audit?limit=1000', { token: as('ner.admin') })).json().entries
      expect(entries.length).toBeGreaterThan(0)
      expect(entries.every((e) => e.agency_id === nerAgency)).toBe(true)
    })

    it('cannot be read by the request role', async () => {
      for (const table of ['audit_log', 'api_tokens', 'users', 'service_secrets']) {
        const attempt = t.app.serviceDb.transaction(async (tx) => {
          await tx.query('SET LOCAL ROLE sahel_request')
          return tx.query(`SELECT * FROM ${table}`)
        })
        await expect(attempt, table).rejects.toThrow(`permission denied for table ${table}`)
      }
    })
  })

  describe('rate limits', () => {
    it('give two tokens from one address separate budgets: exhausting one answers 429 to it only', async () => {
      const first = await issue(people['ner.viewer'].id)
      const second = await issue(people['ner.viewer'].id)
      const remoteAddress = '10.8.0.1'
      for (let i = 0; i < LIMIT_PER_MIN; i++) expect((await call('GET', '/api/zone', { token: first.token, remoteAddress }, limited)).statusCode).toBe(200)
      const over = await call('GET', '/api/zone', { token: first.token, remoteAddress }, limited)
      expect(over.statusCode).toBe(429)
      expect(over.json().message).toMatch(`rate limit: ${LIMIT_PER_MIN} requests a minute per token or client`)
      for (let i = 0; i < LIMIT_PER_MIN; i++) expect((await call('GET', '/api/zone', { token: second.token, remoteAddress }, limited)).statusCode).toBe(200)
      expect((await call('GET', '/api/zone', { remoteAddress }, limited)).statusCode).toBe(401)
    })

    it('count password guesses per address', async () => {
      const remoteAddress = '10.8.0.2'
      for (let i = 0; i < LIMIT_PER_MIN; i++) expect((await login('ner.viewer', `wrong password ${i}`, { remoteAddress }, limited)).statusCode).toBe(401)
      expect((await login('ner.viewer', PASSWORD, { remoteAddress }, limited)).statusCode).toBe(429)
    })

    it('count password guesses per address even when each carries a made-up bearer token', async () => {
      const remoteAddress = '10.8.0.3'
      for (let i = 0; i < LIMIT_PER_MIN; i++) {
        const res = await login('ner.viewer', `wrong password ${i}`, { remoteAddress, token: newToken('api') }, limited)
        expect(res.statusCode).toBe(401)
      }
      expect((await login('ner.viewer', PASSWORD, { remoteAddress, token: newToken('api') }, limited)).statusCode).toBe(429)
    })
  })

  describe('embed tokens', () => {
    let viewId: string
    let otherViewId: string
    let embed: string

    beforeAll(async () => {
      const token = as('ner.viewer')
      viewId = (await call('POST', '/api/views', { token, payload: { layers: 'routes,incidents' } })).json().id
      otherViewId = (await call('POST', '/api/views', { token, payload: { layers: 'routes' } })).json().id
      const res = await call('POST', `/api/views/${viewId}/embed-token`, { token, payload: { days: 1 } })
      expect(res.statusCode, res.body).toBe(201)
      embed = res.json().token
      for (const [dataset, sharing] of [['embed-public', 'public'], ['embed-regional', 'regional']]) {
        const imported = await upload(as('ner.analyst'), `?dataset=${dataset}&sharing=${sharing}`, `id,lat,lng,date,category\n${dataset}-1,18.1,7.2,2024-01-02,drug_trafficking\n${dataset}-2,18.2,7.3,2024-01-03,drug_trafficking\n`)
        expect(imported.statusCode, imported.body).toBe(201)
      }
    })

    it('opens their own saved view (200) and no other (403)', async () => {
      const own = await call('GET', `/api/views/${viewId}`, { token: embed })
      expect(own.statusCode, own.body).toBe(200)
      expect(own.json().id).toBe(viewId)
      expectJson(await call('GET', `/api/views/${otherViewId}`, { token: embed }), 403, new RegExp(`opens saved view ${viewId} and nothing else`))
      expect((await call('GET', '/api/auth/me', { token: embed })).json()).toEqual({ mode: 'embed', view: viewId, permissions: [] })
    })

    it('list public incidents only', async () => {
      const datasets = (res: LightMyRequestResponse) => new Set(res.json().features.map((f: { properties: { source_dataset: string } }) => f.properties.source_dataset))
      const byEmbed = await call('GET', '/api/incidents?limit=5000', { token: embed })
      expect(byEmbed.statusCode, byEmbed.body).toBe(200)
      expect(datasets(byEmbed)).toEqual(new Set(['embed-public']))
      expect(byEmbed.json().features).toHaveLength(2)
      const byMember = await call('GET', '/api/incidents?limit=5000', { token: as('tcd.analyst') })
      expect(datasets(byMember)).toContain('embed-regional')
    })

    it('are refused OGC items, exports, imports and the admin API (403)', async () => {
      for (const url of ['/ogc/collections/incidents/items', '/api/exports/incidents.csv', '/api/imports', '/api/admin/users']) {
        expectJson(await call('GET', url, { token: embed }), 403)
      }
    })

    it('cannot POST anything (403)', async () => {
      const posts: [string, unknown][] = [
        ['/api/views', { layers: 'routes' }],
        [`/api/views/${viewId}/embed-token`, { days: 365 }],
        ['/api/routes', ROUTE],
        ['/api/patrols/plan', PLAN_REQUEST],
        ['/api/plans', { name: 'x', request: PLAN_REQUEST, result: {} }],
        ['/api/admin/users', { username: 'embed.user', role: 'admin' }],
      ]
      for (const [url, payload] of posts) expectJson(await call('POST', url, { token: embed, payload }), 403)
      expectJson(await upload(embed), 403)
    })

    it('refuse a tampered or expired token with 401', async () => {
      const [body, signature] = embed.split('.')
      const tampered = `${body}.${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`
      expectJson(await call('GET', `/api/views/${viewId}`, { token: tampered }), 401)
      const expired = signEmbedToken({ view: viewId, exp: Math.floor(Date.now() / 1000) - 60 }, await embedKey(t.app.serviceDb))
      expectJson(await call('GET', `/api/views/${viewId}`, { token: expired }), 401)
      const forged = signEmbedToken({ view: viewId, exp: Math.floor(Date.now() / 1000) + 3600 }, 'not the service key')
      expectJson(await call('GET', `/api/views/${viewId}`, { token: forged }), 401)
    })
  })
})
