// Exchange in headless Chromium (issue 14): Mali's app merges a signed bundle from Niger through
// the Exchange dialog and shows what it brought; a tampered bundle shows a clear refusal. The
// records received then name their origin in the route panel and the plan view, and the origin
// filter of the hotspot section narrows the map state (URL) and the incident requests.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getIdentity, setIdentity } from '../../server/repos/exchange.ts'
import { browserAvailable, openAppPage, startBrowserApp, type BrowserApp } from '../helpers/browser.ts'
import { exportTo, importCsv, instance, register, type Instance } from '../helpers/exchange.ts'

const NER = 'Niger border police'
const PLAN_REQUEST = {
  k: 2, radius_km: 80, min_spacing_km: 60, time_limit_s: 20,
  demand: { h3_res: 6, route_km: { weight: 1 } },
  candidates: { h3_res: 5, border_pairs: [['MLI', 'NER']], border_km: 50 },
}

describe.runIf(browserAvailable())('the exchange dialog and provenance in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sahel-exchange-browser-'))
  let app: BrowserApp
  let page: Page
  let niger: Instance
  let bundle: Buffer
  let routeId: string

  beforeAll(async () => {
    niger = await instance('pglite', dir, 'niger', 'NER', NER)
    app = await startBrowserApp({
      path: '/?center=6,15&zoom=6&layers=routes,borders,places,incidents',
      prepare: async (t) => {
        await setIdentity(t.app.serviceDb, 'MLI', 'Mali gendarmerie')
        const mali = { app: t.app, identity: (await getIdentity(t.app.serviceDb))!, close: async () => undefined }
        expect((await register(niger, 'mali', mali, ['regional'])).statusCode).toBe(201)
        expect((await register(mali, 'niger', niger, ['regional'])).statusCode).toBe(201)
      },
    })
    ;({ page } = app)
    // Niger's regional records: three incidents, a route and a saved plan
    await importCsv(niger.app, 'ner-field', 'regional', [['n1', 1], ['n2', 2], ['n3', 0]])
    const route = await niger.app.inject({
      method: 'POST', url: '/api/routes',
      payload: { id: 'agadez-gao', name: 'Agadez to Gao (Niger)', family: 'central', kind: 'migration', threats: ['migration_trafficking'], direction: 'both', confidence: 'medium', geometry: { type: 'LineString', coordinates: [[7.99, 16.97], [0.04, 16.27]] }, sharing: 'regional' },
    })
    expect(route.statusCode).toBe(201)
    const solved = await niger.app.inject({ method: 'POST', url: '/api/patrols/plan', payload: PLAN_REQUEST })
    expect(solved.statusCode).toBe(200)
    const saved = await niger.app.inject({ method: 'POST', url: '/api/plans', payload: { name: 'Joint patrol Mali-Niger', request: PLAN_REQUEST, result: solved.json(), sharing: 'regional' } })
    expect(saved.statusCode).toBe(201)
    bundle = await exportTo(niger, 'mali')
    routeId = `agadez-gao-${niger.identity.instance_id.slice(0, 8)}`
  }, 240_000)

  afterAll(async () => {
    await app?.close()
    await niger?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const mergeFile = async (name: string, buffer: Buffer) => {
    if (!(await page.locator('#exchange-dialog').evaluate((d) => (d as HTMLDialogElement).open))) await page.click('#exchange-open')
    await page.locator('#exchange-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer })
    await page.click('#exchange-merge')
    await expect.poll(() => page.locator('#exchange-result').innerText(), { timeout: 60_000 }).not.toMatch(/^(Checking and merging…)?$/)
    return { text: await page.locator('#exchange-result').innerText(), error: await page.locator('#exchange-result').evaluate((e) => e.classList.contains('is-error')) }
  }

  it('refuses a tampered bundle with a clear error, merging nothing', async () => {
    const tampered = Buffer.from(bundle)
    tampered[tampered.length - 20] ^= 0xff
    const shown = await mergeFile('tampered.sahel-bundle', tampered)
    expect(shown.error).toBe(true)
    expect(shown.text).toBe("Refused: bundle payload does not match its signed hash: the file was altered")
    const [n] = await app.t.app.db.query<{ n: number }>("SELECT count(*)::int AS n FROM incidents WHERE origin_state = 'NER'")
    expect(n.n).toBe(0)
  })

  it('merges a signed bundle through the dialog and shows what it brought', async () => {
    const shown = await mergeFile('mali-1.sahel-bundle', bundle)
    expect(shown.error).toBe(false)
    expect(shown.text.split('\n').filter(Boolean)).toEqual([
      'Bundle 1 from niger merged.',
      'incidents: 3 new, 0 updated, 0 deleted',
      'routes: 1 new, 0 updated, 0 deleted',
      'patrol plans: 1 new, 0 updated, 0 deleted',
      'imports: 1 new, 0 updated, 0 deleted',
    ])
    await page.screenshot({ path: '.tmp/exchange-dialog-merged.png' })
    const again = await mergeFile('mali-1.sahel-bundle', bundle)
    expect(again.text).toBe('Bundle 1 from niger was already merged: nothing changed.')
  })

  it('names the partner a received route came from in the route panel', async () => {
    // closing the dialog after a merge reloads the app at the same state
    await Promise.all([page.waitForEvent('load'), page.locator('#exchange-dialog button', { hasText: 'Close' }).click()])
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 90_000 })
    await page.locator(`button[data-route-id="${routeId}"]`).evaluate((b) => (b as HTMLButtonElement).click())
    const panel = page.locator('#route-panel')
    await expect.poll(() => panel.isVisible()).toBe(true)
    expect(await panel.locator('.record-origin').innerText()).toBe(`from ${NER} (NER)`)
    expect(await panel.innerText()).toContain(`Origin\nfrom ${NER} (NER)`)
    await page.screenshot({ path: '.tmp/exchange-route-origin.png' })
  })

  it('names the partner a received plan came from in the plan view', async () => {
    const [plan] = await app.t.app.db.query<{ id: number }>("SELECT id FROM patrol_plans WHERE origin_state = 'NER'")
    const view = await openAppPage(app.browser.context, app.origin, `/?center=6,15&zoom=5&plan=${plan.id}`)
    await view.page.waitForSelector('#planner-results[data-state="ready"]', { timeout: 60_000 })
    expect(await view.page.locator('#planner-results .record-origin').innerText()).toBe(`from ${NER} (NER)`)
    await view.page.locator('#planner-results .record-origin').scrollIntoViewIfNeeded()
    await view.page.screenshot({ path: '.tmp/exchange-plan-origin.png' })
    await view.page.close()
  })

  it('filters by origin: the choice goes to the URL and to the hotspot and incident requests', async () => {
    await page.locator('#hotspot-filters').evaluate((d) => ((d as HTMLDetailsElement).open = true))
    const labels = await page.locator('#origin-filter option').allInnerTexts()
    expect(labels.slice(0, 2)).toEqual(['All origins', 'Made here'])
    expect(labels).toContain('From partners in Niger')
    const before = app.responses.length
    await page.locator('#origin-filter').selectOption('NER')
    await expect.poll(() => new URL(page.url()).searchParams.get('origin')).toBe('NER')
    const asked = (path: string) => app.responses.slice(before).some((r) => r.path.startsWith(path) && r.path.includes('origin=NER') && r.status === 200)
    await expect.poll(() => asked('/api/hotspots?'), { timeout: 30_000 }).toBe(true)
    // incident points load from zoom 7: Niger's three incidents, only them
    await page.evaluate(() => (window as any).__map.jumpTo({ center: [6.1, 14.1], zoom: 8 }))
    await expect.poll(() => asked('/api/incidents?'), { timeout: 30_000 }).toBe(true)
    await page.locator('#hotspot-filters').screenshot({ path: '.tmp/exchange-origin-filter.png' })
    // the state round-trips: a page opened at that URL shows the same choice
    const again = await openAppPage(app.browser.context, app.origin, `/?center=6,15&zoom=6&layers=routes,incidents&origin=local`)
    expect(await again.page.locator('#origin-filter').inputValue()).toBe('local')
    await again.page.close()
  })

  it('made no request outside the machine', () => {
    expect(app.outside).toEqual([])
    expect(app.refused).toEqual([])
  })
})
