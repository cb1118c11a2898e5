// Static maps (issue 6) through app.inject on every driver: stored SVG and PNG references for a
// fixed state and date, legend = layers drawn, visible text in English and Arabic, same bytes
// for the same state, and 400s naming the field of a bad state.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoIncidents } from '../server/import/seed-demo.ts'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'
import { multipart } from './helpers/multipart.ts'

const FIXED = 'width=800&height=500&date=2024-03-07&bbox=-6,12,26,28&layers=zone,hotspots,borders,routes,places&hres=4&banner=RESTRICTED&title=Sahel%20routes%20%26%20hotspots&subtitle=Demo%20incidents%2C%202019%E2%80%932023'
const REFERENCE_PNG = new URL('./fixtures/static-map-800x500.png', import.meta.url)
const IOM_CSV = [
  'Incident Type,Incident year,Reported Month,Number of Dead,Minimum Estimated Number of Missing,Total Number of Dead and Missing,Number of Survivors,Migration route,Coordinates',
  'Incident,2021,January,2,0,2,0,Sahara Desert crossing,"19.5, 8.1"',
  'Incident,2021,March,4,1,5,0,Sahara Desert crossing,"18.9, 12.9"',
].join('\n')

/** Layers named by the legend's entries and by the map's drawn groups. */
function legendAndLayers(svg: string): { legend: string[]; drawn: string[] } {
  const legendPart = svg.slice(svg.indexOf('<g class="legend">'))
  const mapPart = svg.slice(0, svg.indexOf('<g class="legend">') >= 0 ? svg.indexOf('<g class="legend">') : undefined)
  const names = (s: string) => [...new Set([...s.matchAll(/data-layer="([a-z]+)"/g)].map((m) => m[1]))].sort()
  return { legend: names(legendPart), drawn: names(mapPart) }
}

/** Pixels darker than mid grey inside [x0, x1) × [y0, y1). */
function darkPixels(png: PNG, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * png.width + x) * 4
      if (png.data[i] * 0.3 + png.data[i + 1] * 0.59 + png.data[i + 2] * 0.11 < 128) n++
    }
  }
  return n
}

describe.each(testDrivers())('static maps on %s', (driver) => {
  let t: TestApp
  beforeAll(async () => {
    t = await build(driver)
    await seedDemoIncidents(t.app.db)
  })
  afterAll(async () => t?.close())

  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url })
    return { status: res.statusCode, body: res.rawPayload, text: res.body, headers: res.headers }
  }

  it('draws the fixed state as the stored SVG reference', async () => {
    const res = await get(`/api/maps/static.svg?${FIXED}`)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8')
    await expect(res.text).toMatchFileSnapshot('./fixtures/static-map-800x500.svg')
  })

  it('draws the fixed state as a PNG matching the stored reference within 0.5% of pixels', async () => {
    const res = await get(`/api/maps/static.png?${FIXED}`)
    expect(res.status).toBe(200)
    const png = PNG.sync.read(res.body)
    expect([png.width, png.height]).toEqual([800, 500])
    if (!existsSync(REFERENCE_PNG)) {
      if (process.env.CI === 'true') throw new Error(`no reference PNG at ${REFERENCE_PNG.pathname}`)
      writeFileSync(REFERENCE_PNG, res.body)
    }
    const ref = PNG.sync.read(readFileSync(REFERENCE_PNG))
    let differing = 0
    for (let i = 0; i < png.data.length; i += 4) {
      if (Math.max(...[0, 1, 2].map((c) => Math.abs(png.data[i + c] - ref.data[i + c]))) > 24) differing++
    }
    expect(differing / (800 * 500)).toBeLessThan(0.005)
  })

  it('lists in the legend exactly the layers it draws', async () => {
    for (const query of [FIXED, 'width=800&height=500&date=2024-03-07&layers=routes', 'width=800&height=500&date=2024-03-07&layers=hotspots,incidents&hres=5&hstat=gistar']) {
      const res = await get(`/api/maps/static.svg?${query}`)
      const { legend, drawn } = legendAndLayers(res.text)
      expect(legend.length).toBeGreaterThan(0)
      expect(legend).toEqual(drawn)
      expect(String(res.headers['x-map-layers']).split(',').sort()).toEqual(drawn)
    }
  })

  it('writes the title escaped, the date and the credits of what is drawn into the SVG', async () => {
    const { text } = await get(`/api/maps/static.svg?${FIXED}`)
    expect(text).toContain('Sahel routes &amp; hotspots')
    expect(text).toContain('Date: 7 March 2024')
    expect(text).toMatch(/Natural Earth · GeoNames \(CC BY 4\.0\) · Sahel Routes route catalogue · synthetic demo data/)
    expect(text.match(/RESTRICTED/g)).toHaveLength(2)
  })

  it("credits IOM's Missing Migrants Project once IOM incidents are drawn", async () => {
    const { payload, headers } = multipart({}, { name: 'mmp.csv', content: IOM_CSV })
    expect((await t.app.inject({ method: 'POST', url: '/api/imports', payload, headers })).statusCode).toBe(201)
    const { text } = await get('/api/maps/static.svg?width=900&height=600&date=2024-03-07&layers=incidents&sources=iom-mmp')
    expect(text).toContain('IOM&apos;s Missing Migrants Project')
    expect(text).not.toContain('synthetic demo data')
  })

  it.each([
    ['en', 'Migration routes', 10, 420],
    ['ar', 'طرق الهجرة في الساحل', 380, 790],
  ])('shows a %s title as glyph pixels in the PNG', async (lang, title, x0, x1) => {
    const base = `/api/maps/static.png?width=800&height=500&date=2024-03-07&layers=routes&lang=${lang}`
    const withTitle = PNG.sync.read((await get(`${base}&title=${encodeURIComponent(title)}`)).body)
    const without = PNG.sync.read((await get(`${base}&subtitle=${encodeURIComponent(' ')}`)).body)
    // the title's box: 20 px type under a 4 px gap, on the reading side
    expect(darkPixels(withTitle, x0, 4, x1, 30)).toBeGreaterThan(400)
    expect(darkPixels(without, x0, 4, x1, 16)).toBe(0)
  })

  it('draws routes wider by the published flows of the end year of the time range, and says so', async () => {
    const { text } = await get('/api/maps/static.svg?width=900&height=600&date=2024-03-07&bbox=-19,8,38,38&layers=routes&from=2024-01-01&to=2024-12-31')
    const widthOf = (id: string) => Number(new RegExp(`data-route="${id}"[^>]*stroke-width="([\\d.]+)"`).exec(text)?.[1] ?? NaN)
    // 2024: Central Mediterranean 66,766 (the largest), Atlantic 46,843; the arms corridor has no figure
    expect(widthOf('cmr-zuwara-lampedusa')).toBeGreaterThan(widthOf('atl-nouadhibou-el-hierro'))
    expect(text).not.toMatch(/data-route="arm-libya-chad-darfur"[^>]*stroke-width=/)
    expect(text).toContain('Width: Frontex detections, 2024')
    // the time range also hides routes outside their period: the 2011–16 arms corridor is not drawn
    expect(text).not.toContain('data-route="arm-libya-niger-mali"')
    const open = (await get('/api/maps/static.svg?width=900&height=600&date=2024-03-07&bbox=-19,8,38,38&layers=routes')).text
    expect(open).not.toContain('Frontex detections')
    expect(open).toContain('data-route="arm-libya-niger-mali"')
  })

  it('gives the same bytes for the same state and date', async () => {
    for (const ext of ['svg', 'png']) {
      const a = await get(`/api/maps/static.${ext}?${FIXED}&lang=fr`)
      const b = await get(`/api/maps/static.${ext}?${FIXED}&lang=fr`)
      expect(a.status).toBe(200)
      expect(Buffer.compare(a.body, b.body)).toBe(0)
    }
  })

  it('scales the PNG by dpi and records it in a pHYs chunk', async () => {
    const res = await get('/api/maps/static.png?width=400&height=300&dpi=192&date=2024-03-07')
    const png = PNG.sync.read(res.body)
    expect([png.width, png.height]).toEqual([800, 600])
    const at = res.body.indexOf('pHYs')
    expect(res.body.readUInt32BE(at + 4)).toBe(Math.round(192 / 0.0254))
  })

  it.each([
    ['layers=routes,rivers', 'layers'],
    ['bbox=1,2,3', 'bbox'],
    ['width=0', 'width'],
    ['width=10000', 'width'],
    ['lang=de', 'lang'],
    ['height=4000&width=4000&dpi=300', 'dpi'],
    ['date=2024-02-30', 'date'],
    ['layers=plan&plan=abc', 'plan'],
  ])('answers a bad state (%s) with a 400 naming %s', async (query, field) => {
    const res = await get(`/api/maps/static.png?${query}`)
    expect(res.status).toBe(400)
    expect(JSON.parse(res.text).field).toBe(field)
  })

  it('answers a plan that does not exist with a 404', async () => {
    expect((await get('/api/maps/static.svg?layers=routes,plan&plan=987654')).status).toBe(404)
  })
})
