// Real-world imports (issue 12) through app.inject on every driver: a hand-made fixture of each
// known IOM and ACLED schema goes in with no row lost that has coordinates and a date (counts
// per route family and per threat), a file with unfamiliar headers goes in through the mapping
// step (preview, then the mapping on POST /api/imports, reused next month), and a garbage, an
// empty and an all-bad file each fail clearly and change nothing already stored.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'
import { multipart } from './helpers/multipart.ts'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/imports/${name}`, import.meta.url))

describe.each(testDrivers())('real-world imports on %s', (driver) => {
  let t: TestApp
  beforeAll(async () => {
    t = await build(driver, { demoData: false })
  })
  afterAll(async () => t?.close())

  const upload = async (name: string, content: string | Buffer, fields: Record<string, string> = {}, url = '/api/imports') => {
    const { payload, headers } = multipart(fields, { name, content })
    const res = await t.app.inject({ method: 'POST', url, payload, headers })
    return { status: res.statusCode, body: res.json() }
  }
  /** incidents of one import by route family and by threat */
  const tally = async (importId: number) => {
    const rows = await t.app.db.query<{ family: string | null; threat: string; n: number }>(
      'SELECT route_family AS family, threat, count(*)::int AS n FROM incidents WHERE import_id = $1 GROUP BY 1, 2',
      [importId],
    )
    const families: Record<string, number> = {}
    const threats: Record<string, number> = {}
    for (const r of rows) {
      families[r.family ?? '(none)'] = (families[r.family ?? '(none)'] ?? 0) + r.n
      threats[r.threat] = (threats[r.threat] ?? 0) + r.n
    }
    return { families, threats }
  }
  const incidentCount = async () => (await t.app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM incidents'))[0].n

  it('imports the current 25-column IOM export: 8 of 9 rows, the one without coordinates rejected', async () => {
    const { status, body } = await upload('iom-current.csv', fixture('iom-current.csv'))
    expect(status).toBe(201)
    expect(body).toMatchObject({ format: 'iom', source_dataset: 'iom-mmp', rows_read: 9, inserted: 8, rejected: 1, mapping: { schema: 'iom-current', fields: { coordinates: 'Coordinates', date: 'Incident Date', id: 'Incident ID' } } })
    expect(body.rejections).toEqual([{ line: 9, field: 'Coordinates', reason: 'no coordinates' }])
    expect(await tally(body.id)).toEqual({
      families: { sahara: 1, central: 2, western: 1, eastern: 1, atlantic: 1, '(none)': 2 },
      threats: { migration_trafficking: 8 },
    })
    const [{ dead }] = await t.app.db.query<{ dead: number }>("SELECT dead FROM incidents WHERE source_id = '2023.MMP0102'")
    expect(dead).toBe(1022)
  })

  it('imports the 2014–2021 export with its re-publication extras from the "Location Coordinates" string, and says so', async () => {
    const { status, body } = await upload('iom-2014-2021.csv', fixture('iom-2014-2021.csv'), { dataset: 'iom-mmp-2021' })
    expect(status).toBe(201)
    expect(body).toMatchObject({ format: 'iom', rows_read: 7, inserted: 6, rejected: 1, mapping: { schema: 'iom-2014-2021', fields: { coordinates: 'Location Coordinates', date: 'Reported Date', id: 'Web ID', dead: 'Number Dead' } } })
    expect(body.mapping.notes).toContain('coordinates read from the "Location Coordinates" string; the separate "lat" and "lon" columns are not used')
    expect(body.rejections).toEqual([{ line: 8, field: 'Location Coordinates', reason: 'no coordinates' }])
    expect(await tally(body.id)).toEqual({
      families: { sahara: 1, central: 1, western: 1, eastern: 1, atlantic: 1, '(none)': 1 },
      threats: { migration_trafficking: 6 },
    })
    const rows = await t.app.db.query<{ source_id: string; occurred_on: unknown; dead_missing: number }>(
      "SELECT source_id, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on, dead_missing FROM incidents WHERE source_dataset = 'iom-mmp-2021' AND source_id IN ('40112', '40115') ORDER BY source_id",
    )
    expect(rows).toEqual([{ source_id: '40112', occurred_on: '2015-01-06', dead_missing: 2 }, { source_id: '40115', occurred_on: '2018-08-02', dead_missing: 1100 }])
  })

  it('imports the public mirror (year + month) and the dated cut, keeping identical rows apart', async () => {
    const mirror = await upload('iom-mirror.csv', fixture('iom-mirror.csv'), { dataset: 'iom-mirror' })
    expect(mirror.body).toMatchObject({ status: 'completed', rows_read: 6, inserted: 5, rejected: 1, mapping: { schema: 'iom-mirror', date_form: 'year + month' } })
    expect(await tally(mirror.body.id)).toEqual({ families: { sahara: 2, central: 1, western: 1, atlantic: 1 }, threats: { migration_trafficking: 5 } })
    const dated = await upload('iom-dated.csv', fixture('iom-dated.csv'), { dataset: 'iom-dated' })
    expect(dated.body).toMatchObject({ status: 'completed', rows_read: 5, inserted: 4, rejected: 1, mapping: { schema: 'iom-dated', date_form: 'Month D, YYYY' } })
    expect(dated.body.rejections).toEqual([{ line: 5, field: 'Reported Date', reason: 'no date' }])
    expect(await tally(dated.body.id)).toEqual({ families: { '(none)': 4 }, threats: { migration_trafficking: 4 } })
  })

  // 25 events, one of each ACLED sub-event type, and one without coordinates
  const ACLED_THREATS = { cross_border_terrorism: 11, foreign_armed_groups: 3, arms_proliferation: 1, unclassified: 10 }

  it('imports the standard ACLED export with every event type kept: 25 of 26, protests, riots and strategic developments as unclassified', async () => {
    const { status, body } = await upload('acled-standard.csv', fixture('acled-standard.csv'))
    expect(status).toBe(201)
    expect(body).toMatchObject({ format: 'acled', source_dataset: 'acled', rows_read: 26, inserted: 25, rejected: 1, mapping: { schema: 'acled', date_form: 'YYYY-MM-DD' } })
    expect(body.rejections).toEqual([{ line: 27, field: 'longitude', reason: 'no coordinates' }])
    expect(await tally(body.id)).toEqual({ families: { '(none)': 25 }, threats: ACLED_THREATS })
    const [looting] = await t.app.db.query<{ threat: string }>("SELECT threat FROM incidents WHERE attrs->>'sub_event_type' = 'Looting/property destruction' AND source_dataset = 'acled'")
    expect(looting.threat).toBe('unclassified')
  })

  it('imports the older ACLED export with long dates ("31 January 2022") the same way', async () => {
    const { body } = await upload('acled-older.csv', fixture('acled-older.csv'), { dataset: 'acled-older' })
    expect(body).toMatchObject({ status: 'completed', rows_read: 26, inserted: 25, rejected: 1, mapping: { schema: 'acled-older', date_form: 'D Month YYYY' } })
    expect(await tally(body.id)).toEqual({ families: { '(none)': 25 }, threats: ACLED_THREATS })
    const [month] = await t.app.db.query<{ d: string; p: string }>("SELECT to_char(occurred_on, 'YYYY-MM-DD') AS d, date_precision AS p FROM incidents WHERE source_dataset = 'acled-older' AND source_id = 'MLI1001'")
    expect(month).toEqual({ d: '2022-01-01', p: 'month' })
  })

  it('filters incidents by the unclassified threat', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/incidents?threat=unclassified&source=acled&limit=100' })
    expect(res.statusCode).toBe(200)
    expect(res.json().features).toHaveLength(10)
  })

  it('previews a file with unfamiliar headers: what is missing, the first rows, nothing written', async () => {
    const before = await incidentCount()
    const { status, body } = await upload('partner-unfamiliar.csv', fixture('partner-unfamiliar.csv'), {}, '/api/imports/preview')
    expect(status).toBe(200)
    expect(body).toMatchObject({ format: 'csv', delimiter: ';', header: ['Ref', 'Y_wgs84', 'X_wgs84', 'Jour', 'Nature', 'Victimes'], mapping: { schema: null } })
    expect(body.rows).toHaveLength(6)
    expect(body.problems.map((p: { field: string }) => p.field)).toEqual(['lat', 'date'])
    expect(await incidentCount()).toBe(before)
  })

  const MAPPING = 'lat=Y_wgs84,lng=X_wgs84,date=Jour,id=Ref,dead=Victimes,category=Nature'

  it('previews the same file with a mapping: day-first dates detected and a dry run of the first rows', async () => {
    const { body } = await upload('partner-unfamiliar.csv', fixture('partner-unfamiliar.csv'), { mapping: MAPPING, threat: 'drug_trafficking' }, '/api/imports/preview')
    expect(body.problems).toEqual([])
    expect(body.mapping).toMatchObject({ fields: { lat: 'Y_wgs84', lng: 'X_wgs84', date: 'Jour', date_order: 'dmy' }, date_form: 'DD/MM/YYYY' })
    expect(body.sample).toMatchObject({ rows: 6, accepted: 6, rejected: 0, dead: 6, threats: { drug_trafficking: 6 } })
  })

  it('names a date column whose values do not parse, with examples, and writes nothing', async () => {
    const before = await incidentCount()
    const { status, body } = await upload('partner-unfamiliar.csv', fixture('partner-unfamiliar.csv'), { mapping: 'lat=Y_wgs84,lng=X_wgs84,date=Nature' })
    expect(status).toBe(422)
    expect(body.status).toBe('failed')
    expect(body.error).toBe('date column "Nature" holds no date that can be read, e.g. "Saisie de drogue", "Contrebande de carburant", "Drug trafficking": map date to another column')
    expect(await incidentCount()).toBe(before)
  })

  it('imports it with the mapping, a default threat, dataset and credit; next month\'s file with the same headers reuses them', async () => {
    const { status, body } = await upload('partner-unfamiliar.csv', fixture('partner-unfamiliar.csv'), { mapping: MAPPING, threat: 'drug_trafficking', dataset: 'dz-customs', credit: 'Algerian customs' })
    expect(status).toBe(201)
    expect(body).toMatchObject({ source_dataset: 'dz-customs', credit: 'Algerian customs', rows_read: 6, inserted: 6, rejected: 0, mapping: { reused_from: null, user: { threat: 'drug_trafficking' } } })
    const next = fixture('partner-unfamiliar.csv').toString().replace('DZ-06;19.57;5.76;01/05/2024', 'DZ-07;19.61;5.70;13/06/2024')
    const again = await upload('partner-june.csv', next)
    expect(again.status).toBe(201)
    expect(again.body).toMatchObject({ source_dataset: 'dz-customs', credit: 'Algerian customs', inserted: 1, unchanged: 5, rejected: 0, mapping: { reused_from: body.id, fields: { lat: 'Y_wgs84', date: 'Jour' } } })
    const [row] = await t.app.db.query<{ d: string; threat: string }>("SELECT to_char(occurred_on, 'YYYY-MM-DD') AS d, threat FROM incidents WHERE source_dataset = 'dz-customs' AND source_id = 'DZ-07'")
    expect(row).toEqual({ d: '2024-06-13', threat: 'drug_trafficking' })
  })

  it('answers a mapping naming a column the file lacks with a 400 naming mapping', async () => {
    const { status, body } = await upload('partner-unfamiliar.csv', fixture('partner-unfamiliar.csv'), { mapping: 'lat=Breite' })
    expect(status).toBe(400)
    expect(body.field).toBe('mapping')
    expect(body.message).toMatch(/^mapping\.lat: no column named "Breite" among "Ref", "Y_wgs84"/)
  })

  it('refuses an empty file and a binary file with a 400 naming the file, changing nothing', async () => {
    const before = await incidentCount()
    const empty = await upload('empty.csv', '')
    expect(empty).toMatchObject({ status: 400, body: { field: 'file', message: 'CSV: no header line (the file is empty or starts with a blank line)' } })
    const binary = await upload('export.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]))
    expect(binary).toMatchObject({ status: 400, body: { field: 'file' } })
    expect(binary.body.message).toMatch(/^not a text file/)
    expect(await incidentCount()).toBe(before)
  })

  it('fails a garbage text file, naming what is missing, and changes nothing', async () => {
    const before = await incidentCount()
    const { status, body } = await upload('notes.csv', 'Dear colleagues,\nplease find attached the figures.\nBest regards\n')
    expect(status).toBe(422)
    expect(body.status).toBe('failed')
    expect(body.error).toMatch(/^no latitude\/longitude columns and no coordinates column among "Dear colleagues"/)
    expect(await incidentCount()).toBe(before)
  })

  it('fails a file whose every row is bad, with the three commonest reasons, and changes nothing', async () => {
    const before = await incidentCount()
    const csv = ['id,lat,lng,date', 'a,18.1,,2024-01-02', 'b,,7.2,2024-01-03', 'c,95,7.2,2024-01-04', 'd,18.3,7.1,2024-13-40', 'e,18.3,7.1,someday', 'f,18.3,7.1,2024-02-30', 'g,,,2024-01-01'].join('\n')
    const { status, body } = await upload('all-bad.csv', csv)
    expect(status).toBe(422)
    expect(body).toMatchObject({ status: 'failed', rows_read: 7, inserted: 0, rejected: 7 })
    expect(body.error).toBe('nothing imported: all 7 rows rejected; commonest reasons: date: no such date: N-N-N (2 rows); lat: no coordinates (2 rows); date: unrecognised date "…" (1 row)')
    expect(await incidentCount()).toBe(before)
  })
})
