// Headless Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core.
// Without it the tests skip with a message, except under CI=true where that is a failure.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { build, type TestApp } from './build.ts'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
]

/** Whether browser tests can run here; throws under CI=true when they cannot. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true
  if (process.env.CI === 'true') throw new Error(`CI=true but no browser at ${CHROMIUM}: browser tests cannot be skipped in CI`)
  console.warn(`skipped: no browser (${CHROMIUM} not found; apt-get install chromium)`)
  return false
}

/** A fresh persistent context in its own user-data dir; close() removes the dir. */
export async function openBrowser(viewport = { width: 1400, height: 900 }): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'sahel-chromium-'))
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: ARGS, viewport })
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** One answer of the service to the page: method, path with query, status. */
export interface AppResponse {
  method: string
  path: string
  status: number
}

/**
 * A page on the app served by `origin`, open at `path`, that records every request leaving the
 * machine, every console report of something the content security policy refused, and every
 * answer of `origin`. It waits for `ready` (default: the map is ready).
 */
export async function openAppPage(
  context: BrowserContext,
  origin: string,
  path = '/?center=12,20&zoom=4',
  options: { ready?: string } = {},
): Promise<{ page: import('playwright-core').Page; outside: string[]; refused: string[]; responses: AppResponse[] }> {
  const page = await context.newPage()
  const outside: string[] = []
  const refused: string[] = []
  const responses: AppResponse[] = []
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) refused.push(msg.text())
  })
  page.on('request', (req) => {
    const url = new URL(req.url())
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) outside.push(req.url())
  })
  page.on('response', (res) => {
    const url = new URL(res.url())
    if (url.origin === origin) responses.push({ method: res.request().method(), path: `${url.pathname}${url.search}`, status: res.status() })
  })
  await page.goto(`${origin}${path}`)
  await page.waitForSelector(options.ready ?? 'body[data-map-ready="true"]', { timeout: 90_000 })
  return { page, outside, refused, responses }
}

export interface BrowserApp {
  t: TestApp
  origin: string
  browser: Awaited<ReturnType<typeof openBrowser>>
  page: import('playwright-core').Page
  /** requests that left the machine */
  outside: string[]
  /** Content-Security-Policy violations the page reported */
  refused: string[]
  /** the service's answers to the page */
  responses: AppResponse[]
  close: () => Promise<void>
}

/**
 * One browser test file's setup: the app on a fresh embedded database (with `authMode`, AUTH=on),
 * listening on a free loopback port (after `prepare`, e.g. an import or users), and a page open
 * at `path` once `ready` matches (default: the map is ready).
 */
export async function startBrowserApp(
  options: { path?: string; viewport?: { width: number; height: number }; prepare?: (t: TestApp) => Promise<void>; authMode?: boolean; ready?: string } = {},
): Promise<BrowserApp> {
  const t = await build('pglite', options.authMode === undefined ? {} : { authMode: options.authMode })
  await options.prepare?.(t)
  const origin = await t.app.listen({ port: 0, host: '127.0.0.1' })
  const browser = await openBrowser(options.viewport)
  const { page, outside, refused, responses } = await openAppPage(browser.context, origin, options.path, { ready: options.ready })
  return {
    t,
    origin,
    browser,
    page,
    outside,
    refused,
    responses,
    close: async () => {
      await browser.close()
      await t.close()
    },
  }
}
