// The web app in headless Chromium: the map loads offline, draws the routes, and a click on a
// route opens its panel. The page must make no request outside the machine.
import { PNG } from 'pngjs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, startBrowserApp, type BrowserApp } from '../helpers/browser.ts'

describe.runIf(browserAvailable())('web app in Chromium', () => {
  let page: Page
  let outside: string[] = []
  let refused: string[] = []

  let app: BrowserApp
  beforeAll(async () => {
    app = await startBrowserApp({})
    ;({ page, outside, refused } = app)
  })
  afterAll(async () => app?.close())

  /** Pixels that differ between two screenshots of the map. */
  const changedPixels = (a: Buffer, b: Buffer) => {
    const [pa, pb] = [PNG.sync.read(a), PNG.sync.read(b)]
    let n = 0
    for (let i = 0; i < pa.data.length; i += 4) {
      if (Math.abs(pa.data[i] - pb.data[i]) + Math.abs(pa.data[i + 1] - pb.data[i + 1]) + Math.abs(pa.data[i + 2] - pb.data[i + 2]) > 30) n++
    }
    return n
  }

  const setRouteLayersVisible = (visible: boolean) =>
    page.evaluate(async (v) => {
      const map = (window as any).__map
      for (const layer of map.getStyle().layers) {
        if (/route/.test(layer.id)) map.setLayoutProperty(layer.id, 'visibility', v ? 'visible' : 'none')
      }
      await new Promise((resolve) => map.once('idle', resolve))
    }, visible)

  it('draws the routes over the basemap', async () => {
    const map = page.locator('#map')
    await setRouteLayersVisible(false)
    const without = await map.screenshot()
    await setRouteLayersVisible(true)
    const withRoutes = await map.screenshot()
    // 26 routes at zoom 4 cover tens of thousands of pixels
    expect(changedPixels(without, withRoutes)).toBeGreaterThan(5_000)
  })

  it('draws labelled places and land from the project tiles', async () => {
    const rendered = await page.evaluate(() => {
      const map = (window as any).__map
      const features = map.queryRenderedFeatures()
      return {
        places: features.filter((f: any) => f.sourceLayer === 'places').length,
        countries: features.filter((f: any) => f.sourceLayer === 'countries').length,
      }
    })
    expect(rendered.places).toBeGreaterThan(10)
    expect(rendered.countries).toBeGreaterThan(10)
  })

  it('opens the route panel when a route is clicked', async () => {
    // Dirkou lies on the Central Mediterranean route from Agadez to Tripoli
    const point = await page.evaluate(() => {
      const map = (window as any).__map
      map.jumpTo({ center: [12.88, 18.99], zoom: 6 })
      return new Promise<{ x: number; y: number }>((resolve) => map.once('idle', () => resolve(map.project([12.88, 18.99]))))
    })
    const box = (await page.locator('#map').boundingBox())!
    await page.mouse.click(box.x + point.x, box.y + point.y)
    const panel = page.locator('#route-panel')
    await expect.poll(() => panel.isVisible()).toBe(true)
    expect(await panel.innerText()).toMatch(/Agadez|Dirkou|Tummo/)
  })

  it('keeps the view in the URL query', async () => {
    const params = new URL(page.url()).searchParams
    expect(params.get('zoom')).toBe('6')
    expect(params.get('center')).toBe('12.88,18.99')
  })

  it('made no request outside the machine', () => {
    expect(outside).toEqual([])
  })

  it('broke no rule of the content security policy', () => {
    expect(refused).toEqual([])
  })
})
