// Saved views and embeds (issue 6) through app.inject on every driver: save and read back a map
// state, open it with /v/:id, and the frame-ancestors policy of embeds with EMBED_ORIGINS.
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp } from '../server/start.ts'
import type { App } from '../server/app.ts'
import { copyTemplate } from './helpers/databases.ts'
import { testDrivers } from './helpers/databases.ts'

const EMBED_BUILT = existsSync(new URL('../web/dist/embed.html', import.meta.url))
const ORIGINS = ['https://intranet.example.org', 'http://localhost:8080']

describe.each(testDrivers())('views and embeds on %s', (driver) => {
  let app: App
  let drop: () => Promise<void>
  beforeAll(async () => {
    const copy = await copyTemplate(driver)
    drop = copy.drop
    app = await startApp({ ...copy.config, embedOrigins: ORIGINS })
  })
  afterAll(async () => {
    await app?.close()
    await drop?.()
  })

  const call = (method: 'GET' | 'POST', url: string, payload?: unknown) => app.inject({ method, url, payload: payload as never })

  it('saves a map state under a short id and reads the same normalized state back', async () => {
    const params = { center: '12.5,20.25', zoom: '5.5', layers: 'routes,hotspots', hres: '6', title: 'Tri-border — الحدود', lang: 'ar' }
    const saved = await call('POST', '/api/views', params)
    expect(saved.statusCode).toBe(201)
    const body = saved.json()
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{10}$/)
    expect(body).toMatchObject({ url: `/v/${body.id}`, embed_url: `/embed/${body.id}`, params: { v: '1', ...params } })
    expect(body.state).toMatchObject({ view: { center: [12.5, 20.25], zoom: 5.5 }, layers: ['routes', 'hotspots'], hotspots: { res: 6, stat: 'none' }, lang: 'ar' })
    const read = await call('GET', `/api/views/${body.id}`)
    expect(read.statusCode).toBe(200)
    expect(read.json()).toEqual(body)
  })

  it('stores the state normalized: defaults left out', async () => {
    const { params } = (await call('POST', '/api/views', { layers: 'routes,borders,places', lang: 'en', bbox: '-5,10,20,30' })).json()
    expect(params).toEqual({ v: '1', bbox: '-5,10,20,30' })
  })

  it('answers a bad state with a 400 naming the body field', async () => {
    for (const [body, field] of [[{ layers: 'routes,rivers' }, 'body.layers'], [{ bbox: '1,2,3' }, 'body.bbox'], [{ lang: 'de' }, 'body.lang'], [{ colour: 'red' }, 'body.colour']] as const) {
      const res = await call('POST', '/api/views', body)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.json().field).toBe(field)
    }
  })

  it('redirects /v/:id to the app with the state in the query', async () => {
    const { id } = (await call('POST', '/api/views', { bbox: '0,10,20,25', layers: 'routes,incidents', title: 'A & B' })).json()
    const res = await call('GET', `/v/${id}`)
    expect(res.statusCode).toBe(302)
    expect(res.headers.location).toBe('/?v=1&bbox=0%2C10%2C20%2C25&layers=routes%2Cincidents&title=A+%26+B')
  })

  it('answers an unknown view with a 404 in JSON', async () => {
    for (const url of ['/api/views/nosuchview', '/v/nosuchview', '/embed/nosuchview']) {
      const res = await call('GET', url)
      expect(res.statusCode, url).toBe(404)
      expect(res.json().message).toContain('nosuchview')
    }
  })

  it('lets the configured origins frame embeds, and only this origin frame anything else', async () => {
    const { id } = (await call('POST', '/api/views', { layers: 'routes' })).json()
    for (const url of [`/embed/${id}`, '/embed?layers=routes&lang=fr']) {
      const res = await call('GET', url)
      expect(res.statusCode, url).toBe(EMBED_BUILT ? 200 : 404)
      expect(res.headers['content-security-policy']).toMatch(/(^|; )frame-ancestors 'self' https:\/\/intranet\.example\.org http:\/\/localhost:8080$/)
      expect(res.headers['x-frame-options']).toBeUndefined()
      if (EMBED_BUILT) expect(res.headers['content-type']).toContain('text/html')
    }
    const api = await call('GET', '/api/health')
    expect(api.headers['content-security-policy']).toMatch(/(^|; )frame-ancestors 'self'$/)
    expect(api.headers['x-frame-options']).toBe('SAMEORIGIN')
  })

  it('checks the state of an /embed?... page like any other', async () => {
    const res = await call('GET', '/embed?layers=rivers')
    expect(res.statusCode).toBe(400)
    expect(res.json().field).toBe('layers')
  })
})
