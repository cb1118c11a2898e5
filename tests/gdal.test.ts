// A real OGC client reads the service: GDAL's OAPIF driver lists and copies collections across
// several pages, and its MVT driver reads a tile of each layer. Needs Debian's gdal-bin.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type TestApp } from './helpers/build.ts'
import { generatedCsv, insertGeneratedIncidents } from './helpers/generated-incidents.ts'
import { multipart } from './helpers/multipart.ts'

function gdalAvailable(): boolean {
  if (existsSync('/usr/bin/ogrinfo')) return true
  if (process.env.CI === 'true') throw new Error('CI=true but GDAL (ogrinfo) is missing: apt-get install gdal-bin')
  console.warn('skipped: no GDAL (apt-get install gdal-bin)')
  return false
}

// async: the server under test runs in this process, so a blocking call would starve it
const run = async (cmd: string, args: string[]) =>
  (await promisify(execFile)(cmd, args, { encoding: 'utf8', timeout: 60_000, env: { ...process.env, GDAL_HTTP_TIMEOUT: '30' } })).stdout

describe.runIf(gdalAvailable())('GDAL reads the service', () => {
  let t: TestApp
  let base: string
  let dir: string
  beforeAll(async () => {
    t = await build('pglite')
    await insertGeneratedIncidents(t.app.db, 20_000)
    // imported, so they carry real H3 cells for the hotspot tiles
    const upload = multipart({ dataset: 'gdal-test', credit: 'GDAL test incidents' }, { name: 'incidents.csv', content: generatedCsv(600, 7) })
    expect((await t.app.inject({ method: 'POST', url: '/api/imports', ...upload })).statusCode).toBe(201)
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
    dir = mkdtempSync(join(tmpdir(), 'sahel-gdal-'))
  })
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true })
    await t?.close()
  })

  it('ogrinfo lists every collection of the OGC API', async () => {
    const out = await run('ogrinfo', ['-ro', '-so', `OAPIF:${base}/ogc`])
    for (const id of ['routes', 'incidents', 'places', 'countries', 'borders']) expect(out).toMatch(new RegExp(`\\d+: ${id} `))
  })

  it('ogrinfo reads the features of a collection', async () => {
    const out = await run('ogrinfo', ['-ro', '-so', `OAPIF:${base}/ogc`, 'routes'])
    const routes = (await t.app.inject({ method: 'GET', url: '/api/routes' })).json().features.length
    expect(routes).toBeGreaterThan(40)
    expect(out).toMatch(new RegExp(`Feature Count: ${routes}\\n`))
    expect(out).toMatch(/Geometry: Line String/)
  })

  it('ogr2ogr copies a bbox query to a GeoPackage across several pages with the count the API reports', async () => {
    const gpkg = join(dir, 'places.gpkg')
    await run('ogr2ogr', ['-f', 'GPKG', gpkg, `OAPIF:${base}/ogc`, 'places', '-spat', '5', '12', '15', '20', '-oo', 'PAGE_SIZE=25'])
    const copied = Number(/Feature Count: (\d+)/.exec(await run('ogrinfo', ['-ro', '-so', gpkg, 'places']))![1])
    const api = (await t.app.inject({ method: 'GET', url: '/ogc/collections/places/items?bbox=5,12,15,20&limit=1' })).json().numberMatched
    expect(api).toBeGreaterThan(100) // so PAGE_SIZE=25 means at least 5 pages
    expect(copied).toBe(api)
  })

  it('ogr2ogr copies the incidents of a bbox and date range, page after page, with the count the API reports', async () => {
    const gpkg = join(dir, 'incidents.gpkg')
    await run('ogr2ogr', [
      '-f', 'GPKG', gpkg, `OAPIF:${base}/ogc`, 'incidents',
      '-spat', '-10', '12', '5', '20', '-where', "date >= '2017-01-01' AND date <= '2018-06-30'", '-oo', 'PAGE_SIZE=200',
    ])
    const copied = Number(/Feature Count: (\d+)/.exec(await run('ogrinfo', ['-ro', '-so', gpkg, 'incidents']))![1])
    const api = (await t.app.inject({ method: 'GET', url: '/ogc/collections/incidents/items?bbox=-10,12,5,20&datetime=2017-01-01/2018-06-30&limit=1' })).json().numberMatched
    expect(api).toBeGreaterThan(400) // more than two pages of 200
    expect(copied).toBe(api)
  })

  it.each(['countries', 'borders', 'places', 'routes', 'incidents', 'hotspots'])('ogrinfo reads a vector tile of the %s layer', async (layer) => {
    // fetched by HTTP and read from a z/x/y path, which is how the MVT driver learns the tile's place
    const res = await fetch(`${base}/tiles/${layer}/4/8/7.mvt`)
    expect(res.status).toBe(200)
    mkdirSync(join(dir, layer, '4', '8'), { recursive: true })
    writeFileSync(join(dir, layer, '4', '8', '7.pbf'), Buffer.from(await res.arrayBuffer()))
    const out = await run('ogrinfo', ['-ro', '-al', '-so', join(dir, layer, '4', '8', '7.pbf')])
    expect(out).toMatch(new RegExp(`Layer name: ${layer}`))
    expect(Number(/Feature Count: (\d+)/.exec(out)![1])).toBeGreaterThan(0)
  })
})

describe.runIf(gdalAvailable())('GDAL reads the service with an API token (AUTH=on)', () => {
  let t: TestApp
  let base: string
  let authorization: string
  beforeAll(async () => {
    t = await build('pglite', { authMode: true })
    const { userWithToken } = await import('./helpers/users.ts')
    authorization = (await userWithToken(t.app.serviceDb, 1, 'gdal.viewer', 'viewer')).headers.authorization
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
  })
  afterAll(async () => t?.close())

  const ogrinfo = async (headers: string | null) =>
    (
      await promisify(execFile)('ogrinfo', ['-ro', '-so', `OAPIF:${base}/ogc`, 'routes'], {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, GDAL_HTTP_TIMEOUT: '30', ...(headers ? { GDAL_HTTP_HEADERS: headers } : {}) },
      })
    ).stdout

  it('reads a collection with the token in GDAL_HTTP_HEADERS, as the README says', async () => {
    const routes = (await t.app.inject({ method: 'GET', url: '/api/routes', headers: { authorization } })).json().features.length
    expect(routes).toBeGreaterThan(40)
    expect(await ogrinfo(`Authorization: ${authorization}`)).toMatch(new RegExp(`Feature Count: ${routes}\\n`))
  })

  it('gets nothing without the token', async () => {
    await expect(ogrinfo(null)).rejects.toThrow(/401|Unauthorized|sign in/i)
  })
})
