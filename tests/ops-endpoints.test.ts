// GET /metrics (Prometheus text, parsed strictly), its guard under AUTH=on, and the backup the
// running service streams at /api/admin/backup; the backup CLI refusing an embedded database the
// service has open.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertAgency } from '../server/repos/auth.ts'
import { openArchive } from '../server/ops/archive-reader.ts'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'
import { insertGeneratedIncidents } from './helpers/generated-incidents.ts'
import { parseExposition } from './helpers/prometheus.ts'
import { userWithToken } from './helpers/users.ts'

const METRICS_TOKEN = 'metrics-test-token-0123456789abcdef'
const IMPORTED = 25

describe.each(testDrivers())('operations endpoints on %s', (driver) => {
  let t: TestApp
  let admin: { authorization: string }
  let agencyAdmin: { authorization: string }
  let dir: string

  beforeAll(async () => {
    t = await build(driver, { authMode: true, metricsToken: METRICS_TOKEN, demoData: false })
    admin = (await userWithToken(t.app.serviceDb, 1, 'ops.admin', 'admin')).headers
    const agency = await insertAgency(t.app.serviceDb, 'Douanes du Tchad', 'TCD')
    agencyAdmin = (await userWithToken(t.app.serviceDb, agency.id, 'tcd.admin', 'admin')).headers
    await insertGeneratedIncidents(t.app.serviceDb, IMPORTED, 'metrics-test')
    dir = mkdtempSync(join(tmpdir(), 'sahel-ops-'))
  })
  afterAll(async () => {
    await t?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('counts requests per route pattern, with latency histograms, pool use, import rows and tile cache hits', async () => {
    for (const id of ['no-such-route-1', 'no-such-route-2']) expect((await t.app.inject({ url: `/api/routes/${id}`, headers: admin })).statusCode).toBe(404)
    for (let i = 0; i < 2; i++) expect((await t.app.inject({ url: '/tiles/borders/4/8/7.mvt', headers: admin })).statusCode).toBe(200)
    const res = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8')
    const m = parseExposition(res.body)
    const requests = m.get('sahel_http_requests_total')!
    expect(requests.find((s) => s.labels.route === '/api/routes/:id' && s.labels.status === '404')).toEqual({ labels: { method: 'GET', route: '/api/routes/:id', status: '404' }, value: 2 })
    expect(requests.some((s) => s.labels.route.includes('no-such-route'))).toBe(false)
    const tileCount = m.get('sahel_http_request_duration_seconds_count')!.find((s) => s.labels.route === '/tiles/:layer/:z/:x/:y.mvt')
    expect(tileCount?.value).toBe(2)
    expect(m.get('sahel_tile_cache_hits_total')![0].value).toBeGreaterThanOrEqual(1)
    expect(m.get('sahel_tile_cache_misses_total')![0].value).toBeGreaterThanOrEqual(1)
    expect(m.get('sahel_db_connections')!.find((s) => s.labels.state === 'total')).toMatchObject({ labels: { driver } })
    expect(m.get('sahel_import_rows')!.find((s) => s.labels.status === 'completed' && s.labels.outcome === 'inserted')?.value).toBe(IMPORTED)
    expect(m.get('sahel_imports')!.find((s) => s.labels.status === 'completed')?.value).toBe(1)
  })

  it('with AUTH=on, answers /metrics only to the metrics token, and /api/admin/metrics only to admins', async () => {
    expect((await t.app.inject({ url: '/metrics' })).statusCode).toBe(401)
    expect((await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer metrics-test-token-0123456789abcdeX' } })).statusCode).toBe(401)
    expect((await t.app.inject({ url: '/metrics', headers: admin })).statusCode).toBe(401)
    const adminMetrics = await t.app.inject({ url: '/api/admin/metrics', headers: admin })
    expect(adminMetrics.statusCode).toBe(200)
    expect(parseExposition(adminMetrics.body).has('sahel_http_requests_total')).toBe(true)
    expect((await t.app.inject({ url: '/api/admin/metrics' })).statusCode).toBe(401)
  })

  it('hands a backup of the running service to the secretariat\'s admins only, audited', async () => {
    expect((await t.app.inject({ url: '/api/admin/backup', headers: agencyAdmin })).statusCode).toBe(403)
    expect((await t.app.inject({ url: '/api/admin/backup' })).statusCode).toBe(401)
    const res = await t.app.inject({ url: '/api/admin/backup', headers: admin })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/x-tar')
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="sahel-routes-\d{8}-\d{6}\.tar"$/)
    writeFileSync(join(dir, 'live.tar'), res.rawPayload)
    const archive = await openArchive(join(dir, 'live.tar'))
    expect(archive.manifest.tables.find((x) => x.name === 'incidents')?.rows).toBe(IMPORTED)
    expect(archive.manifest.tables.find((x) => x.name === 'users')?.rows).toBe(2)
    expect(archive.manifest.driver).toBe(driver)
    const log = await t.app.serviceDb.query<{ target: string }>("SELECT target FROM audit_log WHERE action = 'backup'")
    expect(log).toEqual([{ target: 'backup:all' }])
  })

  it.runIf(driver === 'pglite')('npm run backup refuses the embedded database the service has open, naming the process', async () => {
    const { DATABASE_URL: _u, ...env } = process.env
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', join(dir, 'cli.tar')], { env: { ...env, DATA_DIR: t.dataDir }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (c) => (output += c))
    child.stderr.on('data', (c) => (output += c))
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(code).toBe(1)
    expect(output).toContain(`is open in process ${process.pid}`)
    expect(output).toContain('stop it first')
  })
})
