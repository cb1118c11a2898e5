// Sign-in with AUTH=on, in headless Chromium: the app asks for a sign-in before it loads any map
// data, refuses a wrong password, draws the map for a right one with the user in the header,
// signs out back to the form, asks for a sign-in again when the session is revoked while the page
// is open (then reloads at the same state), hides what a role may not do, sends the "Shared with" choice of
// imports and saved plans, and hands out embed codes whose token (sent as a bearer credential,
// tiles included) draws the map for readers without a session, while the same embed without its
// token says so. No request may leave the machine.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword, tokenHash } from '../../server/auth/secrets.ts'
import { insertAgency, insertUser, revokeSession } from '../../server/repos/auth.ts'
import { browserAvailable, openAppPage, startBrowserApp, type AppResponse, type BrowserApp } from '../helpers/browser.ts'

const PASSWORD = 'dunes-of-the-tenere-42'
const AGENCY = 'Niger Border Police'
/** Requests that carry data: everything the service guards with AUTH=on. */
const DATA = /^\/(api|tiles|ogc)\//

describe.runIf(browserAvailable())('sign-in in Chromium (AUTH=on)', () => {
  let app: BrowserApp
  let page: Page
  const outside: string[] = []
  const refused: string[] = []
  /** The embed code's iframe address (path and query), from the analyst's embed dialog. */
  let embedPath = ''

  beforeAll(async () => {
    app = await startBrowserApp({
      authMode: true,
      ready: '#sign-in-form',
      prepare: async (t) => {
        const agency = await insertAgency(t.app.serviceDb, AGENCY, 'NER')
        const passwordHash = await hashPassword(PASSWORD)
        await insertUser(t.app.serviceDb, { agencyId: agency.id, username: 'amina', role: 'analyst', passwordHash, expiresAt: null })
        await insertUser(t.app.serviceDb, { agencyId: agency.id, username: 'moussa', role: 'viewer', passwordHash, expiresAt: null })
        await insertUser(t.app.serviceDb, { agencyId: agency.id, username: 'fatima', role: 'planner', passwordHash, expiresAt: null })
      },
    })
    page = app.page
  })
  afterAll(async () => app?.close())

  const dataAnswers = (responses: AppResponse[]) => responses.filter((r) => DATA.test(r.path))

  async function signIn(username: string, password: string): Promise<void> {
    await page.getByLabel('Username').fill(username)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
  }

  async function signOut(): Promise<void> {
    await Promise.all([page.waitForEvent('load'), page.click('#sign-out')])
    await page.waitForSelector('#sign-in-form')
  }

  it('shows the sign-in form and asks for no map data before a sign-in', async () => {
    expect(await page.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true)
    expect(await page.getByLabel('Username').getAttribute('autocomplete')).toBe('username')
    expect(await page.getByLabel('Password').getAttribute('type')).toBe('password')
    expect(await page.locator('#app-main').isHidden()).toBe(true)
    expect(await page.evaluate(() => (window as any).__map === undefined)).toBe(true)
    // the only data request is "who am I?", and it is refused
    expect(dataAnswers(app.responses)).toEqual([{ method: 'GET', path: '/api/auth/me', status: 401 }])
  })

  it('says so when the password is wrong, and still loads nothing', async () => {
    const before = app.responses.length
    await signIn('amina', 'not-the-password')
    const error = page.locator('#sign-in-error')
    await error.waitFor({ state: 'visible' })
    expect(await error.innerText()).toBe('Wrong username or password, or the account is revoked or expired.')
    expect(await error.getAttribute('role')).toBe('alert')
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByLabel('Password').inputValue()).toBe('')
    expect(dataAnswers(app.responses.slice(before))).toEqual([{ method: 'POST', path: '/api/auth/login', status: 401 }])
    expect(await page.evaluate(() => (window as any).__map === undefined)).toBe(true)
  })

  it('draws the map with its routes after a right password, and names the user in the header', async () => {
    const before = app.responses.length
    await signIn('amina', PASSWORD)
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 90_000 })
    expect(await page.locator('#sign-in').count()).toBe(0)
    expect(await page.locator('#account-name').innerText()).toBe(`amina · ${AGENCY}`)
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true)
    const kinds = await page.evaluate(() =>
      [...new Set((window as any).__map.queryRenderedFeatures({ layers: ['routes-line'] }).map((f: any) => f.properties.kind))].sort())
    expect(kinds).toContain('migration')
    expect(kinds.length).toBeGreaterThanOrEqual(3)
    // every data request of the signed-in page was answered, tiles included (session cookie)
    const answers = dataAnswers(app.responses.slice(before))
    expect(answers.filter((r) => r.path.startsWith('/tiles/')).length).toBeGreaterThan(0)
    expect(answers.filter((r) => r.status >= 400)).toEqual([])
  })

  it('offers an analyst the import but not the planner, which needs the plan permission', async () => {
    expect(await page.locator('#import-data').isVisible()).toBe(true)
    expect(await page.locator('#planner-tool').isHidden()).toBe(true)
  })

  it('imports a file shared bilaterally with the partner state ticked', async () => {
    await page.click('#import-data')
    const sharing = page.getByLabel('Shared with')
    expect(await sharing.inputValue()).toBe('regional')
    expect(await page.locator('#import-partners').isHidden()).toBe(true)
    await sharing.selectOption('bilateral')
    const partners = await page.locator('#import-partners input[name="partners"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value).sort())
    // every member state but the agency's own (Niger)
    expect(partners).toEqual(['DZA', 'EGY', 'LBY', 'MAR', 'MLI', 'MRT', 'SDN', 'TCD', 'TUN'])
    const csv = 'id,latitude,longitude,date,threat\nb1,16.9,8.0,2022-03-01,drug_trafficking\nb2,17.0,7.9,2022-03-03,drug_trafficking\n'
    await page.locator('#import-file').setInputFiles({ name: 'bilateral.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    // bilateral without a partner is stopped here, before any upload
    await page.locator('#import-upload').click()
    expect(await page.locator('#import-partners-error').isVisible()).toBe(true)
    expect(await page.locator('.import-report').getAttribute('data-state')).toBe('idle')
    await page.locator('#import-partners').getByLabel('Mali').check()
    await page.locator('#import-upload').click()
    await expect.poll(() => page.locator('.import-report').getAttribute('data-state'), { timeout: 30_000 }).toBe('completed')
    expect(await page.locator('#import-report-sharing').innerText()).toBe('My state and partner states (bilateral) — Mali')
    await page.locator('#import-dialog').getByRole('button', { name: 'Close' }).click()
  })

  it('gives an embed code carrying a key from the service', async () => {
    await page.click('#copy-embed')
    const code = page.locator('.embed-code')
    await expect.poll(() => code.inputValue(), { timeout: 30_000 }).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/[A-Za-z0-9_-]+\?token=emb_[A-Za-z0-9_.-]+"/)
    expect(await page.locator('#embed-days').inputValue()).toBe('30')
    expect(await page.locator('#embed-key-note').innerText()).toMatch(/^The code carries a key that opens this view, with public records only, until /)
    const src = /src="([^"]+)"/.exec(await code.inputValue())![1].replaceAll('&amp;', '&')
    embedPath = `${new URL(src).pathname}${new URL(src).search}`
    await page.keyboard.press('Escape')
  })

  it('signs out back to the form, and the session no longer opens anything', async () => {
    await signOut()
    expect(await page.locator('#account').isHidden()).toBe(true)
    expect(await page.evaluate(() => fetch('/api/routes').then((r) => r.status))).toBe(401)
    expect(await page.evaluate(() => fetch('/api/auth/me').then((r) => r.status))).toBe(401)
  })

  it('offers a viewer no import button and no planner', async () => {
    await signIn('moussa', PASSWORD)
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 90_000 })
    expect(await page.locator('#account-name').innerText()).toBe(`moussa · ${AGENCY}`)
    expect(await page.locator('#import-data').count()).toBe(0)
    expect(await page.locator('#planner-tool').isHidden()).toBe(true)
    // a viewer may still share and export
    expect(await page.locator('#copy-embed').isVisible()).toBe(true)
    await signOut()
  })

  it('lets a planner compute a plan and save it shared with the own state only', async () => {
    await signIn('fatima', PASSWORD)
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 90_000 })
    expect(await page.locator('#import-data').count()).toBe(0)
    await page.click('#planner-open')
    for (const pair of await page.locator('input[name="pair"]:checked').all()) await pair.uncheck()
    await page.check('input[name="pair"][value="LBY|NER"]')
    await page.fill('#planner-k', '2')
    await page.fill('#planner-incident-weight', '0')
    await page.fill('#planner-route-weight', '1')
    await page.click('#planner-run')
    await page.waitForSelector('#planner-results[data-state="ready"]', { timeout: 60_000 })
    await page.getByLabel('Shared with').selectOption('national')
    await page.click('#planner-save')
    await expect.poll(() => new URL(page.url()).searchParams.get('plan'), { timeout: 10_000 }).toMatch(/^\d+$/)
    const id = new URL(page.url()).searchParams.get('plan')
    const saved = await page.evaluate((planId) => fetch(`/api/plans/${planId}`).then((r) => r.json()), id)
    expect([saved.sharing, saved.partners]).toEqual(['national', []])
    expect(await page.locator('#planner-sharing').isDisabled()).toBe(true)
    await signOut()
  })

  it('asks for a sign-in again when the session is revoked, then reloads at the same state', async () => {
    // Dirkou lies on the Central Mediterranean route; the view and the title are in the URL
    await page.goto(`${app.origin}/?center=12.88,18.99&zoom=6&title=Night+patrol`)
    await page.waitForSelector('#sign-in-form')
    await signIn('moussa', PASSWORD)
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 90_000 })
    const state = new URL(page.url()).searchParams
    expect([state.get('center'), state.get('zoom'), state.get('title')]).toEqual(['12.88,18.99', '6', 'Night patrol'])
    // an admin revokes the session: the browser keeps its cookie, the service no longer accepts it
    const cookie = (await app.browser.context.cookies(app.origin)).find((c) => c.name === 'sahel_session')
    expect(cookie?.value).toMatch(/^srs_/)
    await revokeSession(app.t.app.serviceDb, tokenHash(cookie!.value))
    const before = app.responses.length
    // a click on the route asks for its analysis, which the service now refuses
    const point = await page.evaluate(() => (window as any).__map.project([12.88, 18.99]))
    const box = (await page.locator('#map').boundingBox())!
    await page.mouse.click(box.x + point.x, box.y + point.y)
    await page.waitForSelector('#sign-in-form')
    expect(await page.locator('#sign-in-notice').innerText()).toBe('Your session has ended; sign in again.')
    expect(await page.locator('#app-main').isHidden()).toBe(true)
    expect(await page.locator('#header-tools').isHidden()).toBe(true)
    expect(await page.getByLabel('Username').inputValue()).toBe('moussa')
    // the route's analysis was refused; whatever else the map asked meanwhile (a hotspot refresh
    // after the click, depending on timing) was refused too: nothing answered with data
    const answers = dataAnswers(app.responses.slice(before))
    expect(answers).toContainEqual({ method: 'GET', path: expect.stringMatching(/^\/api\/routes\/[^/]+\/analysis\?corridor_km=\d+$/), status: 401 })
    expect(answers.filter((a) => a.status !== 401)).toEqual([])
    // a new sign-in reloads the page at the same address, with the same view and title
    await page.getByLabel('Password').fill(PASSWORD)
    await Promise.all([page.waitForEvent('load'), page.click('#sign-in-submit')])
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 90_000 })
    expect(await page.locator('#sign-in').count()).toBe(0)
    expect(await page.locator('#account-name').innerText()).toBe(`moussa · ${AGENCY}`)
    const after = new URL(page.url()).searchParams
    expect([after.get('center'), after.get('zoom'), after.get('title')]).toEqual(['12.88,18.99', '6', 'Night patrol'])
    const view = await page.evaluate(() => ({ center: (window as any).__map.getCenter().toArray(), zoom: (window as any).__map.getZoom() }))
    expect(view.center[0]).toBeCloseTo(12.88, 2)
    expect(view.center[1]).toBeCloseTo(18.99, 2)
    expect(view.zoom).toBeCloseTo(6, 5)
    await signOut()
  })

  it('shows the sign-in form in Arabic, right to left', async () => {
    const ar = await openAppPage(app.browser.context, app.origin, '/?lang=ar', { ready: '#sign-in-form' })
    outside.push(...ar.outside)
    refused.push(...ar.refused)
    expect(await ar.page.locator('html').getAttribute('dir')).toBe('rtl')
    expect(await ar.page.getByLabel('اسم المستخدم').isVisible()).toBe(true)
    expect(await ar.page.getByLabel('كلمة المرور').isVisible()).toBe(true)
    expect(await ar.page.locator('#sign-in-submit').innerText()).toBe('دخول')
    await ar.page.close()
  })

  it('draws an embed opened with its key, for a reader without a session', async () => {
    expect(embedPath).toMatch(/^\/embed\/[A-Za-z0-9_-]+\?token=emb_/)
    const embed = await openAppPage(app.browser.context, app.origin, embedPath)
    outside.push(...embed.outside)
    refused.push(...embed.refused)
    const routes = await embed.page.evaluate(() => (window as any).__map.queryRenderedFeatures({ layers: ['routes-line'] }).length)
    expect(routes).toBeGreaterThan(0)
    // the key went with the view, the routes and the tiles: nothing was refused
    const answers = dataAnswers(embed.responses)
    expect(answers.some((r) => r.path.startsWith('/api/views/') && r.status === 200)).toBe(true)
    expect(answers.filter((r) => r.path.startsWith('/tiles/')).length).toBeGreaterThan(0)
    expect(answers.filter((r) => r.status >= 400)).toEqual([])
    await embed.page.close()
  })

  it('shows an error, not an endless wait, for the same embed without its key', async () => {
    const bare = await openAppPage(app.browser.context, app.origin, embedPath.replace(/\?.*$/, ''), { ready: 'body[data-map-error]' })
    outside.push(...bare.outside)
    refused.push(...bare.refused)
    expect(await bare.page.locator('#status').innerText()).toBe('This map needs a valid embed code: its key is missing, expired or revoked.')
    expect(await bare.page.locator('body').getAttribute('data-map-ready')).toBeNull()
    await bare.page.close()
  })

  it('made no request outside the machine', () => {
    expect([...outside, ...app.outside]).toEqual([])
  })

  it('broke no rule of the content security policy', () => {
    expect([...refused, ...app.refused]).toEqual([])
  })
})
