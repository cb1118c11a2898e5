// Embeds and languages in headless Chromium: a saved view drawn by /embed/:id inside an iframe of
// a host page (compared with a stored reference picture), the app switched to Arabic, the state
// kept in the URL, the embed code dialog, and no request leaving the machine.
//
// The reference is tests/fixtures/embed-reference.png. When it is missing, or the drawing changed
// on purpose, run with UPDATE_REFERENCES=1 to write it, then look at it before committing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PNG } from 'pngjs'
import type { Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, startBrowserApp, type BrowserApp } from '../helpers/browser.ts'
import type { TestApp } from '../helpers/build.ts'

const REFERENCE = fileURLToPath(new URL('../fixtures/embed-reference.png', import.meta.url))
/** A pixel differs when its R+G+B distance exceeds this; the picture matches below `MAX_SHARE`. */
const PIXEL_THRESHOLD = 40
const MAX_SHARE = 0.03

/** The share of pixels (0..1) differing by more than `PIXEL_THRESHOLD` in RGB sum; 1 if sizes differ. */
function differingShare(a: Buffer, b: Buffer): number {
  const [pa, pb] = [PNG.sync.read(a), PNG.sync.read(b)]
  if (pa.width !== pb.width || pa.height !== pb.height) return 1
  let n = 0
  for (let i = 0; i < pa.data.length; i += 4) {
    const d = Math.abs(pa.data[i] - pb.data[i]) + Math.abs(pa.data[i + 1] - pb.data[i + 1]) + Math.abs(pa.data[i + 2] - pb.data[i + 2])
    if (d > PIXEL_THRESHOLD) n++
  }
  return n / (pa.width * pa.height)
}

describe.runIf(browserAvailable())('embeds and languages in Chromium', () => {
  let t: TestApp
  let origin: string
  let page: Page
  let outside: string[] = []
  let refused: string[] = []

  let app: BrowserApp
  beforeAll(async () => {
    app = await startBrowserApp({ viewport: { width: 1200, height: 800 }, path: '/?center=12,20&zoom=4' })
    ;({ t, page, outside, refused } = app)
    origin = app.origin
  })
  afterAll(async () => app?.close())

  /** The embed frame of a host page on the service's own origin (served by the browser, not the app). */
  async function openHostPage(src: string, widthPx: number, heightPx: number): Promise<Frame> {
    const host = `${origin}/__host.html`
    await page.route(host, (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#fff">` +
        `<p style="margin:8px">An intranet article</p><iframe id="embed" src="${src}" width="${widthPx}" height="${heightPx}" style="border:0" title="map"></iframe>`,
    }))
    await page.goto(host)
    const frame = await (await page.waitForSelector('#embed')).contentFrame()
    if (!frame) throw new Error('the host page has no iframe')
    await frame.waitForSelector('body[data-map-ready="true"]', { timeout: 90_000 })
    await frame.evaluate(() => document.fonts.ready.then(() => undefined))
    return frame
  }

  it('draws a saved view inside an iframe, as the reference picture', async () => {
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/views',
      payload: { v: '1', bbox: '-6,12,26,34', kinds: 'migration,drugs,arms', title: 'Central Sahel corridors' },
    })
    expect(saved.statusCode).toBe(201)
    const { embed_url: embedUrl } = saved.json() as { embed_url: string }
    const frame = await openHostPage(`${origin}${embedUrl}`, 800, 500)

    expect(await frame.locator('#embed-title').innerText()).toBe('Central Sahel corridors')
    const drawn = await frame.evaluate(() => {
      const map = (window as any).__map
      const routes = map.queryRenderedFeatures({ layers: ['routes-line'] }).map((f: any) => f.properties.kind)
      return { kinds: [...new Set(routes)].sort(), legend: [...document.querySelectorAll('[data-legend]')].map((li) => (li as HTMLElement).dataset.legend) }
    })
    expect(drawn.kinds).toEqual(['arms', 'drugs', 'migration'])
    // the legend lists exactly the groups drawn, then the keys that explain them
    expect(drawn.legend).not.toContain('kind:fuel')
    expect(drawn.legend).toContain('kind:drugs')
    expect(drawn.legend).toContain('borders')

    const picture = await page.locator('#embed').screenshot()
    if (process.env.UPDATE_REFERENCES === '1') {
      mkdirSync(dirname(REFERENCE), { recursive: true })
      writeFileSync(REFERENCE, picture)
      console.warn(`wrote ${REFERENCE}: look at it before committing`)
    }
    if (!existsSync(REFERENCE)) throw new Error(`no reference picture at ${REFERENCE}; run with UPDATE_REFERENCES=1 to write one`)
    expect(differingShare(picture, readFileSync(REFERENCE))).toBeLessThan(MAX_SHARE)
  })

  it('follows the size of its iframe', async () => {
    const frame = await openHostPage(`${origin}/embed?v=1&bbox=-6,12,26,34&lang=fr`, 420, 300)
    const size = await frame.evaluate(() => {
      const canvas = (window as any).__map.getCanvas() as HTMLCanvasElement
      return { width: canvas.clientWidth, height: canvas.clientHeight, legendOpen: (document.getElementById('embed-legend') as HTMLDetailsElement).open }
    })
    expect(size).toEqual({ width: 420, height: 300, legendOpen: false })
    expect(await frame.locator('html').getAttribute('lang')).toBe('fr')
  })

  it('switches the app to Arabic, right to left, keeping the view', async () => {
    await page.goto(`${origin}/?center=12,20&zoom=4&title=Briefing`)
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 90_000 })
    await Promise.all([page.waitForURL(/lang=ar/), page.selectOption('#language', 'ar')])
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 90_000 })
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl')
    expect(await page.locator('html').getAttribute('lang')).toBe('ar')
    expect(await page.locator('#legend-title').innerText()).toBe('مفتاح الخريطة')
    expect(await page.locator('#copy-embed').innerText()).toBe('نسخ رمز التضمين')
    const params = new URL(page.url()).searchParams
    expect([params.get('center'), params.get('zoom'), params.get('title')]).toEqual(['12,20', '4', 'Briefing'])
    // mirrored: the sidebar is on the right of the map
    const [sidebar, map] = await Promise.all([page.locator('.sidebar').boundingBox(), page.locator('#map').boundingBox()])
    expect(sidebar!.x).toBeGreaterThan(map!.x)
    // country names in Arabic on the map
    const names = await page.evaluate(() => (window as any).__map.queryRenderedFeatures({ layers: ['country-labels'] }).map((f: any) => f.properties.name_ar))
    expect(names).toContain('النيجر')
  })

  it('writes legend changes into the URL and reads them back', async () => {
    await page.goto(`${origin}/?center=12,20&zoom=4`)
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 90_000 })
    await page.uncheck('input[data-group="kind:fuel"]')
    await page.uncheck('input[data-layer-toggle="borders"]')
    const params = new URL(page.url()).searchParams
    expect(params.get('kinds')).toBe('migration,drugs,arms,goods,gold')
    expect(params.get('layers')).toBe('routes,places')
    await page.reload()
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 90_000 })
    expect(await page.isChecked('input[data-group="kind:fuel"]')).toBe(false)
    expect(await page.isChecked('input[data-group="kind:drugs"]')).toBe(true)
    expect(await page.isChecked('input[data-layer-toggle="borders"]')).toBe(false)
  })

  it('notes the values of a link it could not read and shows the defaults', async () => {
    await page.goto(`${origin}/?lang=de&layers=routes,rivers`)
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 90_000 })
    expect(await page.locator('#notice').getAttribute('data-fields')).toBe('layers,lang')
    expect(await page.locator('#notice').isVisible()).toBe(true)
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
  })

  it('gives an embed code whose view opens the same map', async () => {
    await page.goto(`${origin}/?center=5,20&zoom=5&lang=fr`)
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 90_000 })
    await page.click('#copy-embed')
    const code = page.locator('.embed-code')
    await expect.poll(() => code.inputValue()).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/[A-Za-z0-9_-]+"/)
    const id = /\/embed\/([A-Za-z0-9_-]+)"/.exec(await code.inputValue())![1]
    const view = await t.app.inject({ url: `/api/views/${id}` })
    expect(view.statusCode).toBe(200)
    const params = (view.json() as { params: Record<string, string> }).params
    expect(params.lang).toBe('fr')
    // saved as the area the map shows, so the embed frames it at any size
    const [west, south, east, north] = params.bbox.split(',').map(Number)
    expect(west).toBeLessThan(5)
    expect(east).toBeGreaterThan(5)
    expect(south).toBeLessThan(20)
    expect(north).toBeGreaterThan(20)
  })

  it('made no request outside the machine', () => {
    expect(outside).toEqual([])
  })

  it('broke no rule of the content security policy', () => {
    expect(refused).toEqual([])
  })
})
