// The "Make report" dialog in headless Chromium: it opens next to "Download PNG" with the map's
// period, takes a title, language, orientation and sections, shows a progress bar while the
// server renders, and the PDF arrives as a download with one page per chosen section and a cover.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoIncidents } from '../../server/import/seed-demo.ts'
import { browserAvailable, startBrowserApp, type BrowserApp } from '../helpers/browser.ts'

describe.runIf(browserAvailable())('the report dialog in Chromium', () => {
  let app: BrowserApp
  let page: Page
  beforeAll(async () => {
    app = await startBrowserApp({
      path: '/?bbox=-6,12,26,28&layers=routes,hotspots&from=2023-01-01&to=2023-12-31',
      prepare: async (t) => {
        await seedDemoIncidents(t.app.db)
      },
    })
    page = app.page
  })
  afterAll(async () => app?.close())

  it('makes a French landscape report of four sections and downloads the PDF the service renders for them', async () => {
    const button = page.locator('#make-report')
    // next to "Download PNG" in the header's share group
    expect(await page.locator('#download-png + #make-report').count()).toBe(1)
    await button.click()
    await page.waitForSelector('#report-dialog[open]')
    expect(await page.inputValue('#report-from')).toBe('2023-01-01')
    expect(await page.inputValue('#report-to')).toBe('2023-12-31')
    await page.fill('#report-title', 'Rapport de test')
    await page.selectOption('#report-language', 'fr')
    await page.selectOption('#report-orientation', 'landscape')
    for (const section of ['routes', 'plan']) await page.uncheck(`input[name="report-section"][value="${section}"]`)
    if (process.env.REPORTS_SCREENSHOT) await page.screenshot({ path: process.env.REPORTS_SCREENSHOT })

    const sent = page.waitForRequest((r) => r.url().endsWith('/api/reports') && r.method() === 'POST')
    const downloaded = page.waitForEvent('download', { timeout: 120_000 })
    await page.click('#report-make')
    // the progress bar shows while the server renders
    await page.waitForSelector('#report-progress:not([hidden])', { timeout: 5_000 })
    const download = await downloaded
    expect(download.suggestedFilename()).toBe('report-2023-01-01-2023-12-31-fr.pdf')
    const file = await download.path()
    const pdf = readFileSync(file)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1])
    // the body names the chosen sections, and the service renders the same pages for it
    const body = (await sent).postDataJSON()
    expect(body).toMatchObject({ period: { from: '2023-01-01', to: '2023-12-31' }, title: 'Rapport de test', language: 'fr', orientation: 'landscape', sections: ['map', 'figures', 'charts', 'hotspots'], state: { bbox: expect.any(String), layers: 'routes,hotspots' } })
    const direct = await app.t.app.inject({ method: 'POST', url: '/api/reports', payload: body })
    expect(pages).toBe(Number(/\/Type \/Pages\n\/Count (\d+)/.exec(direct.rawPayload.toString('latin1'))?.[1] ?? NaN))
    // cover, map, key figures (the two tables may run over a second landscape page), charts, emerging hot spots
    expect(pages).toBeGreaterThanOrEqual(5)
    expect(pages).toBeLessThanOrEqual(6)
    // A4 landscape: 842 × 595 points
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/)
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Rapport de test')
    await page.waitForSelector('#report-progress[hidden]', { state: 'attached' })
    // the dialog speaks the app's language (English here), whatever the report's
    expect(await page.textContent('#report-message')).toMatch(/^Report downloaded \(\d+ KB\)\.$/)
    expect(app.outside).toEqual([])
  }, 180_000)
})
