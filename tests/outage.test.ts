// The server driver through a database outage: while PostgreSQL cannot be reached requests
// answer 503 with Retry-After, /api/health (liveness) stays 200 and /api/ready says 503; when it
// comes back the service recovers by itself. The outage is a TCP proxy in front of PostgreSQL
// that this test closes and reopens, so other tests keep their database.
import { createServer, connect, type Server, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../server/app.ts'
import { startApp } from '../server/start.ts'
import { copyTemplate, testDrivers } from './helpers/databases.ts'

/** A TCP proxy to host:port that can be taken down (refusing connections, cutting open ones) and up. */
function outageProxy(host: string, port: number) {
  const sockets = new Set<Socket>()
  let server: Server | null = null
  let listenPort = 0
  const up = () =>
    new Promise<number>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(port, host)
        for (const s of [client, upstream]) {
          sockets.add(s)
          s.on('close', () => sockets.delete(s))
          s.on('error', () => s.destroy())
        }
        client.pipe(upstream).pipe(client)
      })
      server.listen(listenPort, '127.0.0.1', () => {
        listenPort = (server!.address() as { port: number }).port
        resolve(listenPort)
      })
    })
  const down = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy()
      server?.close(() => resolve())
    })
  return { up, down }
}

describe.runIf(testDrivers().includes('pg'))('a PostgreSQL outage', () => {
  let app: App
  let proxy: ReturnType<typeof outageProxy>
  let drop: () => Promise<void>

  beforeAll(async () => {
    const copy = await copyTemplate('pg')
    drop = copy.drop
    const url = new URL(copy.config.databaseUrl!)
    proxy = outageProxy(url.hostname, Number(url.port || 5432))
    url.hostname = '127.0.0.1'
    url.port = String(await proxy.up())
    app = await startApp({ dataDir: '', databaseUrl: url.toString() })
  })
  afterAll(async () => {
    await app?.close()
    await drop?.()
  })

  const get = (url: string) => app.inject({ method: 'GET', url })

  it('answers 503 with Retry-After while the database is down, and recovers when it returns', async () => {
    expect((await get('/api/ready')).statusCode).toBe(200)
    expect((await get('/api/routes')).statusCode).toBe(200)

    await proxy.down()
    const during = await get('/api/routes')
    expect(during.statusCode).toBe(503)
    expect(during.headers['retry-after']).toBe('5')
    expect(during.json()).toMatchObject({ statusCode: 503, error: 'Service Unavailable' })
    expect(JSON.stringify(during.json())).not.toMatch(/ECONNREFUSED|5432|stack/)

    const ready = await get('/api/ready')
    expect(ready.statusCode).toBe(503)
    expect(ready.headers['retry-after']).toBe('5')
    const health = await get('/api/health')
    expect(health.statusCode).toBe(200)
    expect(health.json()).toMatchObject({ status: 'ok', database: 'unavailable' })

    await proxy.up()
    let status = 0
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await get('/api/routes')).statusCode
      if (status !== 200) await new Promise((r) => setTimeout(r, 200))
    }
    expect(status).toBe(200)
    expect((await get('/api/ready')).statusCode).toBe(200)
    expect((await get('/api/health')).json().database).toBe('up')
  })
})

describe.each(testDrivers())('graceful shutdown on %s', (driver) => {
  it('finishes a request in flight before closing', async () => {
    const { config, drop } = await copyTemplate(driver)
    const app = await startApp(config)
    try {
      const origin = await app.listen({ port: 0, host: '127.0.0.1' })
      // a slow request: the analysis of a whole route with a 200 km corridor
      const inFlight = fetch(`${origin}/api/routes/cmr-agadez-sabha-tripoli/analysis?corridor_km=200`)
      const connections = () => new Promise<number>((resolve) => app.server.getConnections((_e, n) => resolve(n)))
      while ((await connections()) === 0) await new Promise((r) => setTimeout(r, 5))
      await new Promise((r) => setTimeout(r, 30))
      const closing = app.close()
      const res = await inFlight
      expect(res.status).toBe(200)
      expect((await res.json()).length_km).toBeGreaterThan(1000)
      await closing
    } finally {
      await drop()
    }
  })
})
