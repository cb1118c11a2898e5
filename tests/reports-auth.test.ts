// Reports under row-level security (issue 16 with AUTH=on), on every driver: a Niger agency shares
// seven incidents with its own state only (national), beside the public demo incidents. A report
// asked by a member of another Niger agency counts them, one asked by a Chad member does not, and
// each prints exactly the figures GET /api/incidents/series gives that member; without a
// credential the report is refused as every guarded route refuses it (401).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoIncidents } from '../server/import/seed-demo.ts'
import { insertAgency } from '../server/repos/auth.ts'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'
import { popplerAvailable } from './helpers/poppler.ts'
import { multipart } from './helpers/multipart.ts'
import { userWithToken } from './helpers/users.ts'

const STATE = { bbox: '-6,12,26,28', layers: 'zone,hotspots,borders,routes,places', hres: '4' }
const PERIOD = { from: '2023-01-01', to: '2023-12-31' }
/** Incidents the Niger border police keeps to Niger's agencies: inside Niger, in the period. */
const NATIONAL = Array.from({ length: 7 }, (_, i) => ({ id: `ner-only-${i}`, lat: 16.5 + i * 0.1, lng: 8.5, date: `2023-0${i + 1}-15` }))
const havePoppler = popplerAvailable('tests/reports-auth.test.ts')

type Reader = 'niger' | 'chad'
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
const fmt = (n: number) => new Intl.NumberFormat('en').format(n)

describe.skipIf(!havePoppler).each(testDrivers())('reports with AUTH=on on %s', (driver) => {
  let t: TestApp
  let work: string
  const headers = {} as Record<Reader | 'owner', Record<string, string>>
  const report = (h: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/reports', headers: h, payload: { state: STATE, period: PERIOD, language: 'en', sections: ['figures'], date: '2024-03-07' } })
  /** The report's text laid out as on the page (pdftotext -layout). */
  const layoutOf = (pdf: Buffer) => {
    const file = join(mkdtempSync(join(work, 'r-')), 'r.pdf')
    writeFileSync(file, pdf)
    return execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' })
  }
  /** What GET /api/incidents/series gives the reader for the report's filters, by country. */
  const seriesOf = async (reader: Reader) => {
    const res = await t.app.inject({ url: `/api/incidents/series?bbox=${STATE.bbox}&from=${PERIOD.from}&to=${PERIOD.to}&split=country`, headers: headers[reader] })
    expect(res.statusCode).toBe(200)
    const series = res.json().series as { key: string; label: string; values: number[]; dead: number[] }[]
    return { total: sum(series.map((s) => sum(s.values))), countries: series.filter((s) => s.key !== 'none').map((s) => ({ label: s.label, n: sum(s.values), dead: sum(s.dead) })) }
  }

  beforeAll(async () => {
    t = await build(driver, { authMode: true })
    work = mkdtempSync(join(tmpdir(), 'reports-auth-'))
    const db = t.app.serviceDb
    await seedDemoIncidents(db)
    const police = await insertAgency(db, 'Niger border police', 'NER')
    const customs = await insertAgency(db, 'Niger customs', 'NER')
    const chad = await insertAgency(db, 'Chad national police', 'TCD')
    headers.owner = (await userWithToken(db, police.id, 'ner.police.admin', 'admin')).headers
    headers.niger = (await userWithToken(db, customs.id, 'ner.customs', 'viewer')).headers
    headers.chad = (await userWithToken(db, chad.id, 'tcd.police', 'viewer')).headers
    const csv = `id,lat,lng,date,category\n${NATIONAL.map((i) => `${i.id},${i.lat},${i.lng},${i.date},drug_trafficking`).join('\n')}\n`
    const upload = multipart({ dataset: 'ner-only', credit: 'Niger border police', sharing: 'national' }, { name: 'ner-only.csv', content: csv })
    const imported = await t.app.inject({ method: 'POST', url: '/api/imports', payload: upload.payload, headers: { ...upload.headers, ...headers.owner } })
    expect(imported.statusCode, imported.body).toBe(201)
    expect(imported.json()).toMatchObject({ inserted: NATIONAL.length, sharing: 'national' })
  }, 300_000)
  afterAll(async () => {
    await t?.close()
    if (work) rmSync(work, { recursive: true, force: true })
  })

  it('prints for each member the figures the API gives that member, which differ by the national incidents', async () => {
    const seen = {} as Record<Reader, { total: number; ner: number }>
    for (const reader of ['niger', 'chad'] as Reader[]) {
      const res = await report(headers[reader])
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200)
      expect(res.headers['x-report-classification']).toBe(reader === 'niger' ? 'national' : 'public') // the demo incidents and the catalogue are public
      const api = await seriesOf(reader)
      const lines = layoutOf(res.rawPayload).split('\n')
      // the key figures' total, then each country's row: its name, its count and its dead on one line
      expect(lines.some((l) => l.split(/\s+/).includes(fmt(api.total))), `${reader} total ${api.total}`).toBe(true)
      for (const c of api.countries) {
        const row = lines.find((l) => l.includes(c.label) && l.split(/\s+/).includes(fmt(c.n)))
        expect(row, `${reader}: ${c.label} ${c.n}`).toBeDefined()
        expect(row!.split(/\s+/)).toContain(fmt(c.dead))
      }
      seen[reader] = { total: api.total, ner: api.countries.find((c) => c.label === 'Niger')?.n ?? 0 }
    }
    expect(seen.chad.ner).toBeGreaterThan(0)
    expect(seen.niger.total - seen.chad.total).toBe(NATIONAL.length)
    expect(seen.niger.ner - seen.chad.ner).toBe(NATIONAL.length)
  })

  it('refuses a report without a credential, or with an unknown token, with 401 as every guarded route does', async () => {
    const anonymous = await report({})
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.json().message).toBe('sign in, or send an API token as "Authorization: Bearer <token>"')
    const unknown = await report({ authorization: 'Bearer srt_not-a-real-token' })
    expect(unknown.statusCode).toBe(401)
    expect(unknown.json().message).toMatch(/^the token or session is expired, revoked or unknown/)
  })
})
