// Embed tokens travel in page URLs (/embed/<id>?token=emb_…): the request log must not keep them,
// or anyone reading logs could open the embed until the token expires. Driver-independent.
import { Writable } from 'node:stream'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildApp, redactUrl } from '../server/app.ts'
import { build, type TestApp } from './helpers/build.ts'

let t: TestApp
beforeAll(async () => {
  t = await build('pglite', { authMode: true })
})
afterAll(async () => t?.close())

it('logs the request URL with the embed token redacted', async () => {
  const lines: string[] = []
  const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) })
  const app = await buildApp({ db: t.app.serviceDb, authMode: true, logger: { level: 'info', stream } })
  try {
    await app.inject({ url: '/embed/AbCdEf1234?token=emb_eyJsecret.sig&lang=fr' })
    await app.inject({ url: '/api/routes', headers: { authorization: 'Bearer emb_eyJsecret.sig' } })
  } finally {
    await app.close()
  }
  const log = lines.join('')
  expect(log).toContain('"url":"/embed/AbCdEf1234?token=[redacted]&lang=fr"')
  expect(log).not.toContain('eyJsecret')
})

it('redacts every token parameter and leaves other URLs alone', () => {
  expect(redactUrl('/embed/x?token=a&b=1&token=c')).toBe('/embed/x?token=[redacted]&b=1&token=[redacted]')
  expect(redactUrl('/api/routes?family=central')).toBe('/api/routes?family=central')
  expect(redactUrl('/api/incidents?tokens=1')).toBe('/api/incidents?tokens=1')
})
