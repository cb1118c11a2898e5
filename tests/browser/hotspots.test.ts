// The hotspot layer in headless Chromium, on incidents imported through POST /api/imports (so
// their H3 cells are computed): the count layer draws, Gi* shows its classes in the legend, a
// cell click shows its numbers, trend and incidents, and the import dialog uploads a CSV and
// shows its report. The page must make no request outside the machine.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, startBrowserApp, type BrowserApp } from '../helpers/browser.ts'
import { generatedCsv } from '../helpers/generated-incidents.ts'
import { multipart } from '../helpers/multipart.ts'

describe.runIf(browserAvailable())('hotspots in Chromium', () => {
  let page: Page
  let outside: string[] = []
  let refused: string[] = []

  let app: BrowserApp
  beforeAll(async () => {
    app = await startBrowserApp({
      path: '/?center=8,17&zoom=6&layers=routes,borders,places,hotspots',
      // incidents imported before the page opens, so they carry H3 cells
      prepare: async (t) => {
        const upload = multipart({ dataset: 'test-incidents', credit: 'Test incidents' }, { name: 'incidents.csv', content: generatedCsv(600, 7) })
        const res = await t.app.inject({ method: 'POST', url: '/api/imports', ...upload })
        expect(res.statusCode).toBe(201)
      },
    })
    ;({ page, outside, refused } = app)
  })
  afterAll(async () => app?.close())

  const rendered = (layer: string) => page.evaluate((id) => {
    const map = (window as any).__map
    return map.queryRenderedFeatures({ layers: [id] }).map((f: any) => f.properties)
  }, layer)

  it('draws the hotspot cells from the tiles, with a count key', async () => {
    await expect.poll(async () => (await rendered('hotspots-fill')).length, { timeout: 30_000 }).toBeGreaterThan(5)
    const values = (await rendered('hotspots-fill')).map((p: any) => p.value)
    expect(Math.max(...values)).toBeGreaterThan(50)
    await expect.poll(() => page.locator('#hotspot-key li[data-break]').count()).toBeGreaterThan(2)
    expect(await page.locator('#hotspot-credits').innerText()).toContain('Test incidents')
    expect(await page.locator('#demo-badge').isHidden()).toBe(true)
  })

  it('switches to Gi* and shows the classes in the legend and the URL', async () => {
    await page.locator('[data-hotspot-stat="gistar"]').check()
    await expect.poll(() => page.locator('#hotspot-key li[data-class]').count()).toBe(7)
    expect(await page.locator('#hotspot-key').innerText()).toContain('Hot spot, 99% confidence')
    await expect.poll(async () => (await rendered('hotspots-gistar-fill')).filter((p: any) => String(p.class).startsWith('hot_')).length, { timeout: 30_000 }).toBeGreaterThan(0)
    expect(new URL(page.url()).searchParams.get('hstat')).toBe('gistar')
    expect(new URL(page.url()).searchParams.get('layers')).toContain('hotspots')
  })

  it('shows a clicked cell’s numbers, trend and incidents', async () => {
    const point = await page.evaluate(() => {
      const map = (window as any).__map
      const hot = map.queryRenderedFeatures({ layers: ['hotspots-gistar-fill'] })
        .filter((f: any) => f.properties.class === 'hot_99')
        .sort((a: any, b: any) => b.properties.value - a.properties.value)[0]
      const ring = hot.geometry.coordinates[0].slice(0, -1)
      const c = ring.reduce((a: number[], p: number[]) => [a[0] + p[0] / ring.length, a[1] + p[1] / ring.length], [0, 0])
      return { ...map.project(c), h3: hot.properties.h3 }
    })
    const box = (await page.locator('#map').boundingBox())!
    await page.mouse.click(box.x + point.x, box.y + point.y)
    const popup = page.locator(`.hotspot-popup[data-h3="${point.h3}"]`)
    await expect.poll(() => popup.isVisible()).toBe(true)
    const text = await popup.innerText()
    expect(text).toMatch(/Gi\* z-score\s+\d/)
    expect(text).toContain('Hot spot, 99% confidence')
    await expect.poll(() => popup.locator('.popup-trend').getAttribute('data-state'), { timeout: 30_000 }).toBe('ready')
    await expect.poll(() => popup.locator('.popup-incidents').getAttribute('data-state'), { timeout: 30_000 }).toBe('ready')
    expect(Number(await popup.locator('.popup-incidents').getAttribute('data-count'))).toBeGreaterThan(0)
    expect(await popup.locator('.incident-credit').first().innerText()).toBe('Test incidents')
  })

  it('uploads a CSV in the import dialog and shows its report', async () => {
    await page.keyboard.press('Escape')
    await page.locator('#import-data').click()
    const csv = 'id,latitude,longitude,date,threat\nu1,16.9,8.0,2022-03-01,drug_trafficking\nu2,,8.1,2022-03-02,drug_trafficking\nu3,17.0,7.9,2022-03-03,drug_trafficking\n'
    await page.locator('#import-file').setInputFiles({ name: 'dialog-upload.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await page.locator('#import-upload').click()
    const report = page.locator('.import-report')
    await expect.poll(() => report.getAttribute('data-state'), { timeout: 30_000 }).toBe('completed')
    const text = await report.innerText()
    expect(text).toContain('Import completed')
    expect(text).toMatch(/Rows read\s+3/)
    expect(text).toMatch(/Inserted\s+2/)
    expect(text).toMatch(/Rejected\s+1/)
    expect(text).toContain('dialog-upload.csv (user import)')
    expect(await report.locator('.import-rejections tbody tr').count()).toBe(1)
    expect(await report.locator('.import-rejections td').first().innerText()).toBe('3')
  })

  it('made no request outside the machine', () => {
    expect(outside).toEqual([])
  })

  it('broke no rule of the content security policy', () => {
    expect(refused).toEqual([])
  })
})
