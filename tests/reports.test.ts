// Risk-analysis reports (issue 16) through app.inject on every driver: a report of a fixed state
// and period in English, French and Arabic whose text (pdftotext) holds the figures the API gives
// for the same filters and Arabic words in logical order, whose pages (pdftoppm) match stored
// renders within a pixel tolerance, the HTML form, and 400s naming the field.
// Refresh the page renders deliberately: REPORTS_REFRESH=1 npx vitest run tests/reports.test.ts
// (REPORTS_DUMP=<folder> also writes the PDFs there).
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Language } from '../shared/map-state.ts'
import { emergingPatternName } from '../shared/vocabulary-names.ts'
import type { EmergingPattern } from '../shared/emerging.ts'
import type { LineString } from 'geojson'
import { seedDemoIncidents } from '../server/import/seed-demo.ts'
import { lineFigures, lineFiguresOf, type LineFigures } from '../server/repos/analysis.ts'
import { listRoutes } from '../server/repos/routes.ts'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'
import { popplerAvailable } from './helpers/poppler.ts'

const STATE = { bbox: '-6,12,26,28', layers: 'zone,hotspots,borders,routes,places', hres: '4' }
const PERIOD = { from: '2023-01-01', to: '2023-12-31' }
const PREVIOUS = { from: '2022-01-01', to: '2022-12-31' }
const FIXTURES = new URL('./fixtures/reports/', import.meta.url).pathname
/** Page renders for the references: 40 dpi keeps them small and still shows layout and text lines. */
const DPI = 40
const havePoppler = popplerAvailable('tests/reports.test.ts')

/** Text of a PDF as pdftotext extracts it (in reading order, or laid out as on the page), bidi controls left out. */
function pdfText(pdf: Buffer, dir: string, layout = false): string {
  const file = join(dir, 'r.pdf')
  writeFileSync(file, pdf)
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' }).replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
}

/** A number as Intl writes it and pdftotext reads it back: no bidi marks, narrow and no-break spaces as spaces. */
const asExtracted = (text: string) => text.replace(/[\u200E\u200F\u061C]/g, '').replace(/[\u00A0\u202F]/g, ' ')

/** Pages of a PDF rendered to PNG at DPI. */
function pdfPages(pdf: Buffer, dir: string): PNG[] {
  const file = join(dir, 'p.pdf')
  writeFileSync(file, pdf)
  execFileSync('pdftoppm', ['-r', String(DPI), '-png', file, join(dir, 'page')])
  return readdirSync(dir)
    .filter((f) => f.startsWith('page'))
    .sort((a, b) => Number(a.match(/(\d+)\.png$/)![1]) - Number(b.match(/(\d+)\.png$/)![1]))
    .map((f) => PNG.sync.read(readFileSync(join(dir, f))))
}

/** Share of pixels whose colour differs by more than 40 in some channel. */
function differingShare(a: PNG, b: PNG): number {
  if (a.width !== b.width || a.height !== b.height) return 1
  let n = 0
  for (let i = 0; i < a.data.length; i += 4) if (Math.max(...[0, 1, 2].map((c) => Math.abs(a.data[i + c] - b.data[i + c]))) > 40) n++
  return n / (a.width * a.height)
}

describe.skipIf(!havePoppler).each(testDrivers())('reports on %s', (driver) => {
  let t: TestApp
  let work: string
  let planId: number
  beforeAll(async () => {
    t = await build(driver)
    await seedDemoIncidents(t.app.db)
    work = mkdtempSync(join(tmpdir(), 'reports-'))
    // the latest saved plan, shared at the national level: the report's annex and its classification
    const request = { k: 3, radius_km: 80, demand: { h3_res: 5, incidents: { weight: 1 } }, candidates: { h3_res: 4, border_pairs: [['LBY', 'NER']], border_km: 60 } }
    const plan = await t.app.inject({ method: 'POST', url: '/api/patrols/plan', payload: request })
    expect(plan.statusCode).toBe(200)
    const saved = await t.app.inject({ method: 'POST', url: '/api/plans', payload: { name: 'Libya–Niger border, k=3', request, result: plan.json(), sharing: 'national' } })
    expect(saved.statusCode).toBe(201)
    planId = saved.json().id
    // a fixed saving date, so the annex and its page render do not change from day to day
    await t.app.db.query("UPDATE patrol_plans SET created_at = '2024-03-01T09:00:00Z' WHERE id = $1", [planId])
  }, 240_000)
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true })
    await t?.close()
  })

  const report = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/reports', payload: { state: STATE, period: PERIOD, date: '2024-03-07', ...body }, headers })
  const getJson = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url })
    expect(res.statusCode).toBe(200)
    return res.json()
  }
  const filterQuery = (p: { from: string; to: string }) => `bbox=${STATE.bbox}&from=${p.from}&to=${p.to}`
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

  describe.each(['en', 'fr', 'ar'] as Language[])('in %s', (lang) => {
    let pdf: Buffer
    let text: string
    let layout: string
    let classification: string
    beforeAll(async () => {
      const res = await report({ language: lang, title: lang === 'ar' ? 'تحليل المخاطر في الساحل' : 'Sahel risk analysis' })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('application/pdf')
      pdf = res.rawPayload
      // REPORTS_DUMP=<folder> keeps the PDFs to look at
      if (process.env.REPORTS_DUMP) writeFileSync(join(process.env.REPORTS_DUMP, `report-${driver}-${lang}.pdf`), pdf)
      const dir = mkdtempSync(join(work, `${lang}-`))
      text = pdfText(pdf, dir)
      layout = pdfText(pdf, dir, true)
      classification = res.headers['x-report-classification'] as string
    }, 240_000)

    it('prints the incidents, dead and missing per country that GET /api/incidents/series gives, and the totals', async () => {
      const api = await getJson(`/api/incidents/series?${filterQuery(PERIOD)}&split=country&lang=${lang}`)
      const nf = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 })
      const fmt = (n: number) => asExtracted(nf.format(n))
      const lines = layout.split('\n')
      const total = sum(api.series.map((s: { values: number[] }) => sum(s.values)))
      expect(total).toBeGreaterThan(100)
      expect(text).toContain(fmt(total))
      for (const s of api.series.filter((x: { key: string }) => x.key !== 'none')) {
        // the country's row: its name, its count and its dead on one line
        const row = lines.find((l) => l.includes(s.label) && l.split(/\s+/).includes(fmt(sum(s.values))))
        expect(row, `${s.label} ${sum(s.values)}`).toBeDefined()
        expect(row!.split(/\s+/)).toContain(fmt(sum(s.dead)))
      }
      const dead = sum(api.series.map((s: { dead: number[] }) => sum(s.dead)))
      const missing = sum(api.series.map((s: { missing: number[] }) => sum(s.missing)))
      expect(dead + missing).toBeGreaterThan(0)
      expect(text).toContain(fmt(dead))
      expect(text).toContain(fmt(missing))
    })

    it('prints the change against the previous period of equal length, as the API counts both', async () => {
      const [now, before] = await Promise.all([PERIOD, PREVIOUS].map((p) => getJson(`/api/incidents/series?${filterQuery(p)}&split=none`)))
      const n = sum(now.series[0].values)
      const b = sum(before.series[0].values)
      const change = asExtracted(new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format((n - b) / b))
      expect(b).toBeGreaterThan(0)
      expect(layout).toContain(change)
    })

    it('lists emerging hot spots with the category GET /api/hotspots/trends gives each', async () => {
      const api = await getJson(`/api/hotspots/trends?${filterQuery(PERIOD)}&res=4&bin=month`)
      const byCell = new Map(api.cells.map((c: { h3: string; category: string }) => [c.h3, c.category]))
      const listed = [...new Set(text.match(/\b8[0-9a-f]{14}\b/g) ?? [])]
      expect(listed.length).toBeGreaterThan(0)
      for (const h3 of listed) {
        const category = byCell.get(h3) as string
        expect(category).toMatch(/_hot$/)
        const [pattern] = category.split('_') as [EmergingPattern]
        expect(layout.split('\n').find((l) => l.includes(h3))).toContain(emergingPatternName(lang, pattern, true))
      }
    })

    it('lists the routes with the length GET /api/routes/:id/analysis gives', async () => {
      const a = await getJson('/api/routes/cmr-agadez-sabha-tripoli/analysis')
      const km = asExtracted(new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(a.length_km))
      expect(a.length_km).toBeGreaterThan(1000)
      expect(layout.split('\n').some((l) => l.includes(km))).toBe(true)
    })

    it('annexes the latest saved plan as GET /api/plans/:id has it', async () => {
      const plan = await getJson(`/api/plans/${planId}`)
      expect(text).toContain('Libya–Niger border, k=3')
      const coord = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
      expect(plan.result.sites.length).toBeGreaterThan(0)
      for (const site of plan.result.sites) {
        const [lng, lat] = [site.lng, site.lat].map((x: number) => asExtracted(coord.format(x)))
        expect(layout.split('\n').some((l) => l.includes(lng) && l.includes(lat)), `${lng} ${lat}`).toBe(true)
      }
    })

    it('carries the classification banner and the credits on every page', () => {
      const pages = text.split('\f').filter((p) => p.trim() !== '')
      expect(pages.length).toBeGreaterThanOrEqual(6)
      // the plan is national: the most restricted record sets the classification
      expect(classification).toBe('national')
      const banner = { en: 'NATIONAL — ORIGINATING STATE ONLY', fr: 'DIFFUSION NATIONALE — ÉTAT D’ORIGINE SEULEMENT', ar: 'وطني — للدولة المصدر فقط' }[lang]
      const synthetic = { en: 'synthetic demo data', fr: 'données de démonstration synthétiques', ar: 'بيانات تجريبية اصطناعية' }[lang]
      for (const page of pages) {
        expect(page).toContain(banner)
        expect(page).toContain(synthetic)
      }
    })

    it('writes its headings in reading order (Arabic logical, shaped from the letters the text holds)', () => {
      const words = {
        en: ['Key figures', 'Emerging hot spots', 'Sahel risk analysis', 'Annex: patrol plan', 'Central Mediterranean', 'By route family'],
        fr: ['Chiffres clés', 'Points chauds émergents', 'Sahel risk analysis', 'plan de patrouille', 'Route centrale', 'Par famille de routes'],
        ar: ['الأرقام الرئيسية', 'البؤر الساخنة الناشئة', 'تحليل المخاطر في الساحل', 'خطة الدوريات', 'الطريق الأوسط', 'حسب مجموعة الطرق'],
      }[lang]
      for (const w of words) expect(text).toContain(w)
      // lam-alef and alef-hamza come back as the letters they were shaped from, in NFC
      expect(text.normalize('NFC')).toBe(text)
    })

    it('renders pages that match the stored references within 1% of pixels', () => {
      const dir = mkdtempSync(join(work, `${lang}-png-`))
      const pages = pdfPages(pdf, dir)
      mkdirSync(FIXTURES, { recursive: true })
      const refFiles = readdirSync(FIXTURES).filter((f) => f.startsWith(`${lang}-`)).sort()
      if (process.env.REPORTS_REFRESH === '1' || refFiles.length === 0) {
        if (process.env.CI === 'true') throw new Error(`no reference renders for ${lang} in ${FIXTURES}`)
        for (const f of refFiles) rmSync(join(FIXTURES, f))
        pages.forEach((p, i) => writeFileSync(join(FIXTURES, `${lang}-page${String(i + 1).padStart(2, '0')}.png`), PNG.sync.write(p)))
        return
      }
      expect(pages.length).toBe(refFiles.length)
      pages.forEach((p, i) => expect(differingShare(p, PNG.sync.read(readFileSync(join(FIXTURES, refFiles[i])))), `page ${i + 1}`).toBeLessThan(0.01))
    })
  })

  it('serves the same report as HTML with lang and dir, and the figures', async () => {
    const api = await getJson(`/api/incidents/series?${filterQuery(PERIOD)}&split=none`)
    const total = sum(api.series[0].values)
    for (const [lang, dir] of [['ar', 'rtl'], ['fr', 'ltr']] as const) {
      const res = await report({ language: lang, sections: ['figures', 'hotspots'] }, { accept: 'text/html' })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(res.body).toContain(`<html lang="${lang}" dir="${dir}">`)
      expect(res.body).toContain(`<div class="value">${new Intl.NumberFormat(lang).format(total)}</div>`)
      expect(res.headers['content-disposition']).toBe(`attachment; filename="report-${PERIOD.from}-${PERIOD.to}-${lang}.html"`)
      expect(res.body).not.toContain('data-section="routes"')
    }
  }, 120_000)

  it('reads the route table\'s figures for all routes at once, equal to the figures of each route read alone', async () => {
    const routes = (await listRoutes(t.app.db)).map((r) => ({ id: r.id as string, geometry: r.geometry as LineString }))
    expect(routes.length).toBeGreaterThan(40)
    const together = await lineFiguresOf(t.app.db, routes)
    const alone = new Map<string, LineFigures>()
    for (const r of routes) alone.set(r.id, await lineFigures(t.app.db, r.geometry))
    expect(together).toEqual(alone)
    expect([...together.values()].filter((f) => f.border_crossings.length > 0).length).toBeGreaterThan(10)
  })

  it('is described in the OpenAPI document with its body schema', async () => {
    const doc = await getJson('/openapi.json')
    const post = doc.paths['/api/reports'].post
    expect(Object.keys(post.requestBody.content['application/json'].schema.properties)).toEqual(['state', 'period', 'title', 'language', 'orientation', 'sections', 'format', 'date'])
  })

  it('answers 400 naming the field for a bad language, period or state', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ language: 'de' }, 'body.language'],
      [{ period: { from: '2023-02-30', to: '2023-12-31' } }, 'body.period.from'],
      [{ period: { from: '2023-06-01', to: '2023-01-01' } }, 'body.period.to'],
      [{ period: { from: '2023-01-01' } }, 'body.period.to'],
      [{ state: { ...STATE, layers: 'routes,rivers' } }, 'body.state.layers'],
      [{ state: { bbox: '10,10,5' } }, 'body.state.bbox'],
      [{ sections: ['map', 'weather'] }, 'body.sections.1'],
    ]
    for (const [body, field] of cases) {
      const res = await report(body)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.json().field).toBe(field)
    }
  })
})

