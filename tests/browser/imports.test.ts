// The import dialog's mapping step in headless Chromium: a CSV with unfamiliar headers is
// previewed (what is missing named, the first rows shown), the user picks latitude, longitude,
// date (day first), a default threat, dataset name and credit, and the file goes in with every
// row; nothing is written before the upload. The page must make no request outside the machine.
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, openAppPage, startBrowserApp, type BrowserApp } from '../helpers/browser.ts'

const CSV = readFileSync(new URL('../fixtures/imports/partner-unfamiliar.csv', import.meta.url))

describe.runIf(browserAvailable())('the import mapping step in Chromium', () => {
  let page: Page
  let app: BrowserApp
  beforeAll(async () => {
    app = await startBrowserApp({ path: '/?center=5,24&zoom=5&layers=routes,borders,places,incidents' })
    ;({ page } = app)
  })
  afterAll(async () => app?.close())

  const count = async () => (await app.t.app.db.query<{ n: number }>("SELECT count(*)::int AS n FROM incidents WHERE source_dataset = 'dz-customs'"))[0].n

  it('previews a CSV with unfamiliar headers: what is missing, and its first rows', async () => {
    await page.click('#import-data')
    await page.locator('#import-file').setInputFiles({ name: 'partner-unfamiliar.csv', mimeType: 'text/csv', buffer: CSV })
    await expect.poll(() => page.locator('#import-mapping').getAttribute('data-state'), { timeout: 30_000 }).toBe('problems')
    expect(await page.locator('#import-schema').innerText()).toBe('Recognised: CSV (columns found by common names)')
    expect(await page.locator('#import-problems li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-field')))).toEqual(['lat', 'date'])
    expect(await page.locator('.import-preview-rows tbody tr').count()).toBe(5)
    expect(await page.locator('.import-preview-rows thead th').allInnerTexts()).toEqual(['Ref', 'Y_wgs84', 'X_wgs84', 'Jour', 'Nature', 'Victimes'])
    expect(await count()).toBe(0)
  })

  it('takes the user\'s columns, day-first dates, a default threat, dataset and credit, and imports every row', async () => {
    await page.locator('#import-map-lat').selectOption('Y_wgs84')
    await page.locator('#import-map-lng').selectOption('X_wgs84')
    await page.locator('#import-map-date').selectOption('Jour')
    await page.locator('#import-map-dead').selectOption('Victimes')
    await page.locator('#import-map-id').selectOption('Ref')
    await expect.poll(() => page.locator('#import-mapping').getAttribute('data-state'), { timeout: 30_000 }).toBe('ready')
    await page.locator('#import-map-date-order').selectOption('dmy')
    // the preview the threat asks for answers while the user types: what was typed and the focus stay
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/api/imports/preview', async (route) => {
      await held
      await route.continue()
    })
    await page.locator('#import-threat').selectOption('drug_trafficking')
    await page.locator('#import-dataset').fill('dz-customs')
    await page.locator('#import-credit').fill('Algerian')
    expect(await page.locator('#import-mapping').getAttribute('data-state')).toBe('loading')
    release()
    await expect.poll(() => page.locator('#import-mapping').getAttribute('data-state'), { timeout: 30_000 }).toBe('ready')
    await page.unroute('**/api/imports/preview')
    await page.keyboard.type(' customs')
    expect(await page.locator('#import-credit').inputValue()).toBe('Algerian customs')
    await expect.poll(() => page.locator('#import-dry-run').innerText(), { timeout: 30_000 }).toBe('Of the first 6 rows, 6 would go in and 0 would be rejected.')
    expect(await count()).toBe(0)
    await page.screenshot({ path: '.tmp/import-mapping-step.png' })
    await page.locator('#import-upload').click()
    await expect.poll(() => page.locator('.import-report').getAttribute('data-state'), { timeout: 30_000 }).toBe('completed')
    expect(await page.locator('.import-credit').innerText()).toBe('Algerian customs')
    const rows = await app.t.app.db.query<{ source_id: string; d: string; threat: string; dead: number }>(
      "SELECT source_id, to_char(occurred_on, 'YYYY-MM-DD') AS d, threat, dead FROM incidents WHERE source_dataset = 'dz-customs' ORDER BY source_id",
    )
    expect(rows).toHaveLength(6)
    expect(rows[1]).toEqual({ source_id: 'DZ-02', d: '2024-02-14', threat: 'drug_trafficking', dead: 1 })
    expect(rows[0].d).toBe('2024-02-03')
  })

  it('shows the mapping step in Arabic, with the columns chosen for the last file of the same headers', async () => {
    const ar = await openAppPage(app.browser.context, app.origin, '/?center=5,24&zoom=5&lang=ar')
    await ar.page.click('#import-data')
    await ar.page.locator('#import-file').setInputFiles({ name: 'partner-unfamiliar.csv', mimeType: 'text/csv', buffer: CSV })
    await expect.poll(() => ar.page.locator('#import-mapping').getAttribute('data-state'), { timeout: 30_000 }).toBe('ready')
    expect(await ar.page.locator('#import-mapping legend').innerText()).toBe('الأعمدة')
    expect(await ar.page.locator('#import-map-lat').inputValue()).toBe('Y_wgs84')
    expect(await ar.page.locator('#import-reused').innerText()).toMatch(/^أُعيد استخدام الأعمدة المختارة للاستيراد \d+/)
    await ar.page.screenshot({ path: '.tmp/import-mapping-step-ar.png' })
    expect(ar.outside).toEqual([])
    await ar.page.close()
  })

  it('made no request outside the machine', () => {
    expect(app.outside).toEqual([])
    expect(app.refused).toEqual([])
  })
})
