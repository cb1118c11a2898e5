// The map state's time range filters the catalogue routes in the web app, as it filters
// incidents: a route shows only when its period overlaps the range. Schematic legs are drawn
// as their own dashed features. With SAVE_SCREENSHOTS=1 the 2016 and 2024 pictures are written
// to docs/ (the screenshots geodata/README.md links to).
import { writeFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, openAppPage, startBrowserApp, type BrowserApp } from '../helpers/browser.ts'

const VIEW = 'bbox=-19,8,38,38&layers=routes,borders,places'

describe.runIf(browserAvailable())('routes in time, in Chromium', () => {
  let app: BrowserApp
  beforeAll(async () => {
    app = await startBrowserApp({ path: `/?${VIEW}&from=2016-01-01&to=2016-12-31`, viewport: { width: 1400, height: 900 } })
  })
  afterAll(async () => app?.close())

  /** Route ids (and legs) the map draws now. */
  const drawn = (page: Page): Promise<{ id: string; leg: string }[]> =>
    page.evaluate(async () => {
      const map = (window as any).__map
      if (!map.loaded()) await new Promise((resolve) => map.once('idle', resolve))
      const features = map.queryRenderedFeatures({ layers: ['routes-line'] })
      return features.map((f: any) => ({ id: f.properties.id as string, leg: f.properties.leg as string }))
    })

  it('draws in 2016 the arms corridor of 2011–16 and none of the routes that began later', async () => {
    const ids = new Set((await drawn(app.page)).map((f) => f.id))
    expect(ids.has('arm-libya-niger-mali')).toBe(true)
    expect(ids.has('cmr-agadez-djado-bypass')).toBe(true)
    for (const later of ['sdn-el-fasher-dabbah-kufra', 'sdn-geneina-adre', 'cmr-sfax-lampedusa', 'exp-tunisia-algeria-border']) expect(ids.has(later), later).toBe(false)
    if (process.env.SAVE_SCREENSHOTS) writeFileSync('docs/routes-2016.png', await app.page.locator('#map').screenshot())
  })

  it('draws in 2024 the Sudan war corridors and hides the routes that ended before', async () => {
    const { page } = await openAppPage(app.browser.context, app.origin, `/?${VIEW}&from=2024-01-01&to=2024-12-31`)
    const ids = new Set((await drawn(page)).map((f) => f.id))
    expect(ids.has('sdn-el-fasher-dabbah-kufra')).toBe(true)
    expect(ids.has('cmr-sfax-lampedusa')).toBe(true)
    expect(ids.has('arm-libya-niger-mali')).toBe(false)
    expect(ids.has('cmr-agadez-djado-bypass')).toBe(false)
    // 2024 is the end of the range: line widths follow the published Frontex figures of 2024
    const shares = await page.evaluate(async () => {
      const map = (window as any).__map
      await new Promise((resolve) => setTimeout(resolve, 500))
      const state = (id: string) => map.getFeatureState({ source: 'routes', id }).flowShare
      return { cmr: state('cmr-zuwara-lampedusa'), atl: state('atl-nouadhibou-el-hierro'), arms: state('arm-libya-chad-darfur') }
    })
    expect(shares.cmr).toBe(1)
    expect(shares.atl).toBeCloseTo(46843 / 66766, 3)
    expect(shares.arms ?? 0).toBe(0)
    // the legend names the year and the figure behind the widths
    const flowsLine = page.locator('#legend [data-legend-flows]')
    await expect.poll(() => flowsLine.getAttribute('data-year')).toBe('2024')
    expect(await flowsLine.innerText()).toMatch(/Frontex detections in 2024 \(\d+ routes\)/)
    expect(Number(await flowsLine.getAttribute('data-routes'))).toBeGreaterThanOrEqual(2)
    if (process.env.SAVE_SCREENSHOTS) await page.locator('#legend').screenshot({ path: '/tmp/legend-2024.png' })
    if (process.env.SAVE_SCREENSHOTS) writeFileSync('docs/routes-2024.png', await page.locator('#map').screenshot())
    await page.close()
  })

  it('lists in the sidebar only the routes whose period overlaps the time range, and counts them', async () => {
    const shown = (page: Page) => page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('#route-list .route-button')].filter((b) => !b.parentElement!.hidden).map((b) => b.dataset.routeId!))
    const in2016 = new Set(await shown(app.page))
    expect(in2016.has('arm-libya-niger-mali')).toBe(true)
    expect(in2016.has('sdn-el-fasher-dabbah-kufra')).toBe(false)
    expect(await app.page.locator('#route-count').innerText()).toContain(String(in2016.size))
    const { page } = await openAppPage(app.browser.context, app.origin, `/?${VIEW}&from=2024-01-01&to=2024-12-31`)
    await page.locator('#route-list .route-button').first().waitFor()
    const in2024 = new Set(await shown(page))
    expect(in2024.has('arm-libya-niger-mali')).toBe(false)
    expect(in2024.has('sdn-el-fasher-dabbah-kufra')).toBe(true)
    await page.close()
  })

  it('draws schematic legs as features of their own, dashed by the style', async () => {
    const legs = await drawn(app.page)
    expect(legs.filter((f) => f.id === 'arm-libya-niger-mali').every((f) => f.leg === 'schematic')).toBe(true)
    const dash = await app.page.evaluate(() => (window as any).__map.getPaintProperty('routes-line', 'line-dasharray'))
    expect(JSON.stringify(dash)).toContain('"schematic"')
  })

  it('charts the published yearly figures of a route in its panel, each with its source', async () => {
    const page = app.page
    // Zuwara – Lampedusa is open-ended, so it shows in 2016; click the middle of its sea leg
    const point = await page.evaluate(() => {
      const map = (window as any).__map
      map.jumpTo({ center: [12.35, 34.2], zoom: 7 })
      return new Promise<{ x: number; y: number }>((resolve) => map.once('idle', () => resolve(map.project([12.345, 34.215]))))
    })
    const box = (await page.locator('#map').boundingBox())!
    await page.mouse.click(box.x + point.x, box.y + point.y)
    const flows = page.locator('#route-panel [data-flows="cmr-zuwara-lampedusa"]')
    await expect.poll(() => flows.isVisible(), { timeout: 15_000 }).toBe(true)
    expect(await flows.locator('[data-metric="detections"] svg.flow-chart rect').count()).toBe(7)
    expect(await flows.innerText()).toContain('2016: 181,459')
    if (process.env.SAVE_SCREENSHOTS) await page.locator('#route-panel').screenshot({ path: '/tmp/route-panel-flows.png' })
  })

  it('made no request outside the machine', () => {
    expect(app.outside).toEqual([])
  })
})
