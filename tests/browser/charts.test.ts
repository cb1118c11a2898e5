// The charts in headless Chromium over the seeded demo incidents: the chart panel draws what
// GET /api/incidents/series answers for the map state, follows a threat filter and the time
// slider, shows values on hover, and downloads PNG, SVG and CSV files of what it draws; the route
// panel charts the route's corridor; a hotspot cell's popup has its sparkline. With
// SAVE_SCREENSHOTS=1 the panel's picture is written to docs/screenshot-charts.png.
import { readFileSync, writeFileSync } from 'node:fs'
import type { Download, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriesCsv } from '../../shared/charts/time-series.ts'
import { DEMO_COUNT, seedDemoIncidents } from '../../server/import/seed-demo.ts'
import { browserAvailable, startBrowserApp, type BrowserApp } from '../helpers/browser.ts'

interface Answer {
  periods: string[]
  series: { key: string; values: number[]; dead: number[]; missing: number[] }[]
  casualty_incidents: number
  dead_incidents: number
  missing_incidents: number
  year_precise: number
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
const total = (a: Answer) => sum(a.series.map((s) => sum(s.values)))

describe.runIf(browserAvailable())('charts in Chromium', () => {
  let app: BrowserApp
  let page: Page
  beforeAll(async () => {
    app = await startBrowserApp({
      path: '/?center=10,20&zoom=4.5&layers=routes,borders,places,hotspots',
      viewport: { width: 1400, height: 900 },
      prepare: async (t) => void (await seedDemoIncidents(t.app.db)),
    })
    page = app.page
    // remember the type and size of every file the page makes, as the downloads carry neither
    await page.evaluate(() => {
      const made: { type: string; size: number }[] = ((window as any).__blobs = [])
      const create = URL.createObjectURL.bind(URL)
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        if (blob instanceof Blob) made.push({ type: blob.type, size: blob.size })
        return create(blob)
      }
    })
  })
  afterAll(async () => app?.close())

  /** What the service answers for the state the page is in now. */
  async function expected(query: string): Promise<Answer> {
    const res = await app.t.app.inject({ method: 'GET', url: `/api/incidents/series?${query}` })
    expect(res.statusCode).toBe(200)
    return res.json()
  }

  /** The filter part of the page's URL as the API reads it. */
  function stateQuery(): string {
    const url = new URL(page.url())
    const q = new URLSearchParams()
    for (const [from, to] of [['threats', 'threat'], ['from', 'from'], ['to', 'to']]) {
      const v = url.searchParams.get(from)
      if (v) q.set(to, v)
    }
    return q.toString()
  }

  const chart = () => page.locator('#chart-incidents')
  const ready = async (urlPart: string) => {
    await expect.poll(() => page.locator('#chart-panel').getAttribute('data-url'), { timeout: 30_000 }).toContain(urlPart)
    await expect.poll(() => chart().getAttribute('data-state'), { timeout: 30_000 }).toBe('ready')
  }

  it('opens the chart panel with the incidents of the current filters, split by threat, and dead and missing', async () => {
    await page.locator('#charts-button').click()
    await ready('split=threat')
    const answer = await expected('bucket=month&split=threat&lang=en')
    expect(total(answer) + answer.year_precise).toBe(DEMO_COUNT)
    expect(Number(await chart().getAttribute('data-total'))).toBe(total(answer))
    expect(Number(await chart().getAttribute('data-periods'))).toBe(answer.periods.length)
    await expect.poll(() => page.locator('#chart-casualties').getAttribute('data-state')).toBe('ready')
    const deadTotal = sum(answer.series.map((s) => sum(s.dead)))
    expect(deadTotal).toBeGreaterThan(0)
    expect(Number(await page.locator('#chart-casualties').getAttribute('data-total'))).toBe(deadTotal + sum(answer.series.map((s) => sum(s.missing))))
    if (process.env.SAVE_SCREENSHOTS) writeFileSync('docs/screenshot-charts.png', await page.locator('.map-area').screenshot())
  })

  it('follows a threat filter: the bars become that threat’s counts', async () => {
    await page.locator('#hotspot-filters summary').click()
    await page.locator('[data-threat="drug_trafficking"]').check()
    await ready('threat=drug_trafficking')
    const answer = await expected(`${stateQuery()}&bucket=month&split=threat&lang=en`)
    expect(answer.series.map((s) => s.key)).toEqual(['drug_trafficking'])
    expect(Number(await chart().getAttribute('data-total'))).toBe(total(answer))
    const bars = await chart().locator('rect.bar').evaluateAll((rects) => rects.map((r) => r.getAttribute('data-key')))
    expect(bars.length).toBe(answer.series[0].values.filter((v) => v > 0).length)
    expect(new Set(bars)).toEqual(new Set(['drug_trafficking']))
  })

  it('follows the time slider: the periods and counts of the new range', async () => {
    const before = Number(await chart().getAttribute('data-periods'))
    await page.locator('#hotspot-from').fill('24')
    await ready('from=')
    const answer = await expected(`${stateQuery()}&bucket=month&split=threat&lang=en`)
    expect(answer.periods.length).toBeLessThan(before)
    expect(answer.periods[0]).toBe(new URL(page.url()).searchParams.get('from')!.slice(0, 7))
    expect(Number(await chart().getAttribute('data-periods'))).toBe(answer.periods.length)
    expect(Number(await chart().getAttribute('data-total'))).toBe(total(answer))
  })

  it('shows the values of the period under the pointer', async () => {
    const answer = await expected(`${stateQuery()}&bucket=month&split=threat&lang=en`)
    const i = answer.series[0].values.findIndex((v) => v > 0)
    await chart().locator(`rect.hover[data-i="${i}"]`).hover()
    const tooltip = chart().locator('.chart-tooltip')
    await expect.poll(() => tooltip.isVisible()).toBe(true)
    expect(await tooltip.locator('[data-key="drug_trafficking"] b').innerText()).toBe(String(answer.series[0].values[i]))
  })

  /** Clicks a download button and returns the file's name, bytes and the type the page gave it. */
  async function download(format: 'png' | 'svg' | 'csv'): Promise<{ name: string; bytes: Buffer; type: string; size: number }> {
    const [file] = await Promise.all([page.waitForEvent('download') as Promise<Download>, chart().locator(`[data-format="${format}"]`).click()])
    const bytes = readFileSync((await file.path())!)
    const made = await page.evaluate(() => (window as any).__blobs.at(-1))
    return { name: file.suggestedFilename(), bytes, ...made }
  }

  it('downloads the chart as CSV, SVG and PNG', async () => {
    const answer = await expected(`${stateQuery()}&bucket=month&split=threat&lang=en`)
    const span = `${answer.periods[0]}_${answer.periods.at(-1)}`
    const csv = await download('csv')
    expect(csv.name).toBe(`incidents-threat-${span}.csv`)
    expect(csv.type).toBe('text/csv;charset=utf-8')
    expect(csv.bytes.toString('utf8')).toBe(`\uFEFF${seriesCsv(answer.periods, answer.series.map((s) => ({ ...s, label: s.key, color: '' })))}`)
    expect(csv.size).toBe(csv.bytes.length)

    const svg = await download('svg')
    expect(svg.name).toBe(`incidents-threat-${span}.svg`)
    expect(svg.type).toBe('image/svg+xml')
    const text = svg.bytes.toString('utf8')
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(text.match(/class="bar"/g)?.length).toBe(answer.series[0].values.filter((v) => v > 0).length)

    const png = await download('png')
    expect(png.name).toBe(`incidents-threat-${span}.png`)
    expect(png.type).toBe('image/png')
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    const widthPx = Number(/width="(\d+)"/.exec(text)![1])
    const heightPx = Number(/height="(\d+)"/.exec(text)![1])
    // twice the chart's pixels (IHDR: width and height, big-endian, at bytes 16..23)
    expect(png.bytes.readUInt32BE(16)).toBe(widthPx * 2)
    expect(png.bytes.readUInt32BE(20)).toBe(heightPx * 2)
    expect(png.size).toBeGreaterThan(5000)
  })

  it('charts the incidents in a route’s corridor in the route panel, under the same filters', async () => {
    await page.locator('[data-route-id="cmr-agadez-sabha-tripoli"]').click()
    const routeChart = page.locator('#route-chart')
    await expect.poll(() => routeChart.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready')
    const answer = await expected(`${stateQuery()}&bucket=month&split=none&lang=en&route=cmr-agadez-sabha-tripoli&corridor_km=25`)
    expect(total(answer)).toBeGreaterThan(0)
    const dead = sum(answer.series.map((s) => sum(s.dead)))
    expect(Number(await routeChart.getAttribute('data-total'))).toBe(total(answer) + dead)
    expect(await routeChart.locator('path.line').count()).toBe(1 + (answer.dead_incidents > 0 ? 1 : 0) + (answer.missing_incidents > 0 ? 1 : 0))
  })

  it('draws a hotspot cell’s incidents per period as a sparkline in its popup, with its category', async () => {
    // clear the map: close the route panel and the chart panel
    await page.locator('#route-panel .panel-close').click()
    await page.locator('#charts-button').click()
    expect(await page.locator('#chart-panel').isHidden()).toBe(true)
    const cell = await page.evaluate(async () => {
      const map = (window as any).__map
      await new Promise((resolve) => (map.loaded() ? resolve(null) : map.once('idle', resolve)))
      const { width, height } = map.getContainer().getBoundingClientRect()
      // the busiest cell well inside the view, so the trend's study area (the view) holds all of it
      const inner = map.queryRenderedFeatures([[width * 0.3, height * 0.3], [width * 0.7, height * 0.7]], { layers: ['hotspots-fill'] })
      const best = inner.sort((a: any, b: any) => b.properties.n - a.properties.n)[0]
      const ring = best.geometry.coordinates[0].slice(0, -1)
      const c = ring.reduce((a: number[], p: number[]) => [a[0] + p[0] / ring.length, a[1] + p[1] / ring.length], [0, 0])
      return { ...map.project(c), h3: best.properties.h3 as string, n: Number(best.properties.n) }
    })
    const box = (await page.locator('#map').boundingBox())!
    await page.mouse.click(box.x + cell.x, box.y + cell.y)
    const popup = page.locator(`.hotspot-popup[data-h3="${cell.h3}"]`)
    await expect.poll(() => popup.locator('.popup-trend').getAttribute('data-state'), { timeout: 30_000 }).toBe('ready')
    const sparkline = popup.locator('.cell-sparkline')
    // the trend's bins cover the same filters and time range as the cell: their counts add up to its n
    expect(Number(await sparkline.getAttribute('data-total'))).toBe(cell.n)
    expect(Number(await sparkline.getAttribute('data-bins'))).toBeGreaterThan(1)
    expect((await popup.locator('.trend-category').innerText()).length).toBeGreaterThan(3)
    const svgBox = (await sparkline.locator('svg').boundingBox())!
    await page.mouse.move(svgBox.x + svgBox.width - 1, svgBox.y + svgBox.height / 2)
    await expect.poll(() => sparkline.locator('.sparkline-readout').getAttribute('data-i')).toBe(String(Number(await sparkline.getAttribute('data-bins')) - 1))
    expect(await sparkline.locator('[data-format]').count()).toBe(3)
  })
})
