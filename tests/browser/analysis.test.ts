// Route analysis in headless Chromium: a route's analysis section with its numbered border
// crossings on the map, a line drawn with the mouse and analysed, and a border's crossings.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, startBrowserApp, type BrowserApp } from '../helpers/browser.ts'

describe.runIf(browserAvailable())('route analysis in Chromium', () => {
  let page: Page
  let outside: string[] = []
  let refused: string[] = []

  let app: BrowserApp
  beforeAll(async () => {
    app = await startBrowserApp({})
    ;({ page, outside, refused } = app)
  })
  afterAll(async () => app?.close())

  /** Waits until the map has stopped moving and drawn, then counts rendered features of a layer. */
  const renderedOn = (layer: string) =>
    page.evaluate(async (id) => {
      const map = (window as any).__map
      if (map.isMoving() || !map.loaded()) await new Promise((resolve) => map.once('idle', resolve))
      return map.queryRenderedFeatures({ layers: [id] }).map((f: any) => f.properties)
    }, layer)

  it('shows the analysis of a route opened from the list, with its border crossing listed and on the map', async () => {
    await page.click('button[data-route-id="cmr-agadez-sabha-tripoli"]')
    const analysis = page.locator('#route-panel .analysis[data-state="ready"]')
    await analysis.waitFor()
    const crossing = analysis.locator('.crossing-list li').first()
    expect(await crossing.getAttribute('data-from')).toBe('NER')
    expect(await crossing.getAttribute('data-to')).toBe('LBY')
    // Tummo sits at its curated 22°46′N 14°03′E, about 2 km from the Natural Earth line
    expect(await crossing.innerText()).toMatch(/Niger → Libya\s+NER → LBY[\s\S]*km 1,00\d · near Tummo \([\d.]+ km\)/)
    const markers = await renderedOn('crossings-circle')
    expect(markers).toEqual([expect.objectContaining({ order: 1, place: 'Tummo' })])
  })

  it('splits the route by country in the bar, sea included', async () => {
    const countries = await page.locator('#route-panel .country-bar-segment').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.country))
    expect(countries).toEqual(['LBY', 'NER', 'sea'])
  })

  it('draws the corridor when its checkbox is ticked', async () => {
    expect(await renderedOn('corridor-fill')).toEqual([])
    await page.check('#route-panel [data-corridor-toggle]')
    expect((await renderedOn('corridor-fill')).length).toBeGreaterThan(0)
  })

  it('clears the markers when the panel closes', async () => {
    await page.click('#route-panel .panel-close')
    expect(await renderedOn('crossings-circle')).toEqual([])
    expect(await renderedOn('corridor-fill')).toEqual([])
  })

  it('analyses a line drawn with mouse clicks, ended by a double-click', async () => {
    const points = await page.evaluate(async () => {
      const map = (window as any).__map
      map.jumpTo({ center: [10, 17], zoom: 5 })
      await new Promise((resolve) => map.once('idle', resolve))
      // Agadez → Dirkou → Madama, in Niger
      return [[7.99, 16.97], [12.88, 18.99], [13.65, 21.97]].map((p) => map.project(p))
    })
    const box = (await page.locator('#map').boundingBox())!
    await page.click('#draw-start')
    await page.mouse.click(box.x + points[0].x, box.y + points[0].y)
    await page.mouse.click(box.x + points[1].x, box.y + points[1].y)
    await page.mouse.dblclick(box.x + points[2].x, box.y + points[2].y)
    const panel = page.locator('#route-panel[data-view="drawn"]')
    await panel.locator('.analysis[data-state="ready"]').waitFor()
    expect(await panel.locator('#route-panel-title').innerText()).toBe('Drawn route')
    expect(await panel.innerText()).toMatch(/3 points/)
    expect(await panel.locator('.country-bar-segment').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.country))).toEqual(['NER'])
    expect((await renderedOn('sketch-line')).length).toBeGreaterThan(0)
  })

  it("shows the service's message when it refuses a drawn line", async () => {
    // The UI cannot draw a line the service refuses, so the refusal is stood in for here.
    const refusal = { statusCode: 400, error: 'Bad Request', message: 'body.coordinates must have at least 2 distinct positions', field: 'body.coordinates' }
    await page.route('**/api/analysis/route*', (route) => route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify(refusal) }))
    const box = (await page.locator('#map').boundingBox())!
    await page.click('#draw-start')
    await page.mouse.click(box.x + 300, box.y + 300)
    await page.mouse.dblclick(box.x + 360, box.y + 340)
    const error = page.locator('#route-panel .analysis[data-state="error"] .analysis-error')
    await error.waitFor()
    expect(await error.innerText()).toBe('The service refused this line: body.coordinates must have at least 2 distinct positions')
    await page.unroute('**/api/analysis/route*')
  })

  it('drops a drawing on Escape', async () => {
    await page.click('#draw-start')
    expect(await page.locator('#route-panel').isHidden()).toBe(true)
    const box = (await page.locator('#map').boundingBox())!
    await page.mouse.click(box.x + 300, box.y + 300)
    expect((await renderedOn('sketch-vertex')).length).toBe(1)
    await page.keyboard.press('Escape')
    expect(await renderedOn('sketch-vertex')).toEqual([])
    expect(await page.locator('.draw-controls').isHidden()).toBe(true)
  })

  it('lists the routes crossing a border chosen in the toolbar and opens one from the list', async () => {
    await page.selectOption('#border-picker', 'LBY|NER')
    const view = page.locator('#route-panel .border-view[data-state="ready"]')
    await view.waitFor()
    expect(await page.locator('#route-panel-title').innerText()).toBe('Libya – Niger border')
    expect(await view.locator('.border-routes > li').count()).toBeGreaterThanOrEqual(3)
    expect((await renderedOn('crossings-circle')).length).toBeGreaterThan(0)
    expect((await renderedOn('border-highlight-line')).length).toBeGreaterThan(0)
    await view.locator('button[data-route-id="cmr-agadez-sabha-tripoli"]').click()
    await page.locator('#route-panel[data-view="route"] .analysis[data-state="ready"]').waitFor()
    expect(await renderedOn('border-highlight-line')).toEqual([])
  })

  it('made no request outside the machine', () => {
    expect(outside).toEqual([])
  })

  it('broke no rule of the content security policy', () => {
    expect(refused).toEqual([])
  })
})
