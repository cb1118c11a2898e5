// Secure defaults through app.inject on every driver: security headers that leave the map, its
// workers, fonts and embeds working; CORS for configured origins only; a body size limit; a
// per-client rate limit; and a service that refuses to listen beyond loopback without auth.
import { spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, type App } from '../server/app.ts'
import { startApp } from '../server/start.ts'
import { copyTemplate, testDrivers } from './helpers/databases.ts'

const CORS_ORIGIN = 'https://intranet.example.org'
const EMBED_ORIGIN = 'https://briefings.example.org'
const LIMIT_PER_MIN = 20

describe.each(testDrivers())('secure defaults on %s', (driver) => {
  let app: App
  let drop: () => Promise<void>

  beforeAll(async () => {
    const copy = await copyTemplate(driver)
    drop = copy.drop
    app = await startApp({ ...copy.config, embedOrigins: [EMBED_ORIGIN], corsOrigins: [CORS_ORIGIN], rateLimitPerMin: LIMIT_PER_MIN })
  })
  afterAll(async () => {
    await app?.close()
    await drop?.()
  })

  // each test calls from its own client address, so the rate limit of one does not touch another
  const get = (url: string, remoteAddress: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, remoteAddress, headers })

  it('sends a content security policy that allows MapLibre workers and images from blob:, and frames from this origin only', async () => {
    const res = await get('/api/routes', '10.0.1.1')
    expect(res.statusCode).toBe(200)
    const csp = res.headers['content-security-policy'] as string
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self';")
    expect(csp).toContain("worker-src 'self' blob:")
    expect(csp).toContain("img-src 'self' data: blob:")
    expect(csp).toContain("style-src 'self' 'unsafe-inline'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toContain('upgrade-insecure-requests')
    expect(csp).toMatch(/; frame-ancestors 'self'$/)
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    expect(res.headers['strict-transport-security']).toBeUndefined()
  })

  it('keeps the configured embed origins in the frame-ancestors of embed pages', async () => {
    const res = await get('/embed?layers=routes', '10.0.1.2')
    expect(res.headers['content-security-policy']).toMatch(new RegExp(`; frame-ancestors 'self' ${EMBED_ORIGIN}$`))
    expect(res.headers['content-security-policy']).toContain("worker-src 'self' blob:")
    expect(res.headers['x-frame-options']).toBeUndefined()
  })

  it('leaves the API documentation page the policy of its own package', async () => {
    const res = await get('/docs/', '10.0.1.3')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-security-policy']).toContain('img-src \'self\' data: validator.swagger.io')
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'")
  })

  it('lets a configured origin read the API from a browser, with a preflight for writes', async () => {
    const res = await get('/api/routes', '10.0.2.1', { origin: CORS_ORIGIN })
    expect(res.headers['access-control-allow-origin']).toBe(CORS_ORIGIN)
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/views',
      remoteAddress: '10.0.2.1',
      headers: { origin: CORS_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    })
    expect(preflight.statusCode).toBe(204)
    expect(preflight.headers['access-control-allow-origin']).toBe(CORS_ORIGIN)
    expect(preflight.headers['access-control-allow-methods']).toContain('POST')
  })

  it('gives any other origin no CORS permission', async () => {
    const res = await get('/api/routes', '10.0.2.2', { origin: 'https://elsewhere.example.com' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('gives no origin CORS permission when none is configured', async () => {
    const open = await buildApp({ db: app.db })
    try {
      const res = await open.inject({ method: 'GET', url: '/api/routes', headers: { origin: CORS_ORIGIN } })
      expect(res.statusCode).toBe(200)
      expect(res.headers['access-control-allow-origin']).toBeUndefined()
    } finally {
      await open.close()
    }
  })

  it('answers a JSON body over 8 MB with 413 naming the body', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/views',
      remoteAddress: '10.0.3.1',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ layers: 'routes', padding: 'x'.repeat(8 * 1024 ** 2) }),
    })
    expect(res.statusCode).toBe(413)
    expect(res.json()).toMatchObject({ statusCode: 413, error: 'Payload Too Large', field: 'body' })
  })

  it('reads a JSON body of 2 MB (past the old 1 MB limit) and validates it', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/views',
      remoteAddress: '10.0.3.2',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ layers: 'x'.repeat(2 * 1024 ** 2) }),
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().field).toMatch(/layers/)
  })

  it(`answers the request after ${LIMIT_PER_MIN} in a minute from one client with 429 and Retry-After`, async () => {
    for (let i = 0; i < LIMIT_PER_MIN; i++) expect((await get('/api/zone', '10.0.4.1')).statusCode).toBe(200)
    const res = await get('/api/zone', '10.0.4.1')
    expect(res.statusCode).toBe(429)
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
    const body = res.json()
    expect(body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' })
    expect(body.message).toMatch(new RegExp(`rate limit: ${LIMIT_PER_MIN} requests a minute per token or client`))
    expect(body.field).toBeUndefined()
    // another client is not affected
    expect((await get('/api/zone', '10.0.4.2')).statusCode).toBe(200)
  })

  it('never limits health checks, tiles or fonts, so probes and the map keep working', async () => {
    const urls = ['/api/health', '/api/ready', '/tiles/routes/4/8/7.mvt', '/fonts/noto-sans/noto-sans-latin-400-normal.woff2']
    for (let i = 0; i < LIMIT_PER_MIN + 5; i++) {
      for (const url of urls) expect((await get(url, '10.0.5.1')).statusCode, url).toBe(200)
    }
  })
})

describe('a service bound beyond loopback without authentication', () => {
  it('refuses to start: main.ts exits 2 with the reason and AUTH=on', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, HOST: '0.0.0.0', PORT: '0', AUTH: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(code).toBe(2)
    expect(stderr).toContain(
      'configuration error: HOST is 0.0.0.0: refusing to listen beyond this machine without authentication; set AUTH=on (and add users with npm run users), or bind HOST=127.0.0.1',
    )
  })
})
