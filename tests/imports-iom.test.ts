// The real IOM Missing Migrants files (../shared/data) on every driver: the mirror's per-route
// counts inside the zone box match the data README, every row read is accounted for, and the
// dated cut loses only its rows without a date or coordinates. Skips when the file is absent,
// except under CI=true.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile, type ImportReport } from '../server/import/run-import.ts'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'
import { sharedData } from './helpers/shared-data.ts'

const data = sharedData('the real IOM import test', 'iom-mmp/global-missing-migrants-2014-2023.csv', 'iom-mmp/missing-migrants-dated-2014-2023.csv')
const FILE = data.path('iom-mmp/global-missing-migrants-2014-2023.csv')
const DATED = data.path('iom-mmp/missing-migrants-dated-2014-2023.csv')
const present = data.present

describe.runIf(present).each(testDrivers())('importing the real IOM files on %s', (driver) => {
  let t: TestApp
  let report: ImportReport
  beforeAll(async () => {
    t = await build(driver)
    report = await importFile(t.app.db, { path: FILE, fileName: 'global-missing-migrants-2014-2023.csv' })
  })
  afterAll(async () => t?.close())

  it('recognises the mirror by its schema and reads its year + month dates', () => {
    expect(report.mapping).toMatchObject({ schema: 'iom-mirror', fields: { coordinates: 'Coordinates', year: 'Incident year', month: 'Reported Month' }, date_form: 'year + month' })
  })

  it('accounts for every row: 13,020 read = inserted + rejected', () => {
    expect(report.status).toBe('completed')
    expect(report.rows_read).toBe(13_020)
    expect(report.inserted + report.updated + report.unchanged + report.rejected).toBe(13_020)
    // 36 rows have no coordinates; nothing else is rejected
    expect(report.rejected).toBe(36)
    expect(report.rejections!.every((r) => r.field === 'Coordinates' && r.reason === 'no coordinates')).toBe(true)
  })

  it('gives the README per-route counts inside lon -18..39, lat 8..38', async () => {
    const counts: Record<string, number> = {}
    let url = '/api/incidents?bbox=-18,8,39,38&limit=5000'
    for (;;) {
      const body = (await t.app.inject({ method: 'GET', url })).json()
      for (const f of body.features) counts[f.properties.route ?? ''] = (counts[f.properties.route ?? ''] ?? 0) + 1
      if (!body.next_cursor) break
      url = `/api/incidents?bbox=-18,8,39,38&limit=5000&cursor=${body.next_cursor}`
    }
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(4766)
    expect(counts).toMatchObject({
      'Sahara Desert crossing': 2018,
      'Central Mediterranean': 1070,
      'Western Mediterranean': 595,
      '': 571,
      'Western Africa / Atlantic route to the Canary Islands': 206,
      'Eastern Mediterranean': 198,
      'Central Mediterranean,Sahara Desert crossing': 1,
    })
  })

  it('flags the 90 whole-degree coordinates (88 truncated longitudes, 2 latitudes) as low precision', async () => {
    const [row] = await t.app.db.query<{ n: number }>("SELECT count(*)::int AS n FROM incidents WHERE geo_precision = 3 AND attrs ? 'coordinates_truncated'")
    expect(row.n).toBe(90)
  })

  it('is a no-op the second time', async () => {
    const again = await importFile(t.app.db, { path: FILE, fileName: 'copy.csv' })
    expect(again.noop).toBe(true)
    expect(again.id).toBe(report.id)
  })

  it('imports the dated cut (13,695 rows): only the 51 rows without a date or coordinates are rejected', async () => {
    const dated = await importFile(t.app.db, { path: DATED, fileName: 'missing-migrants-dated-2014-2023.csv', dataset: 'iom-mmp-dated' })
    expect(dated).toMatchObject({ status: 'completed', rows_read: 13_695, inserted: 13_644, rejected: 51, mapping: { schema: 'iom-dated', date_form: 'Month D, YYYY' } })
    const reasons = new Set(dated.rejections!.map((r) => `${r.field}: ${r.reason}`))
    expect(reasons).toEqual(new Set(['Coordinates: no coordinates', 'Reported Date: no date']))
  })
})
