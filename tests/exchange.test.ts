// Exchange between deployments (issue 14): three instances in one process — Niger and Chad on
// PGlite, Mali on PostgreSQL when DATABASE_URL is set (else PGlite) — each with its own database,
// key pair and identity. Niger exports to Mali and Chad by file and Mali pulls Niger online over
// loopback; every check on a bundle, the merge rules and the no-widening rule are asserted on the
// rows each instance ends up holding.
import { mkdtempSync, rmSync } from 'node:fs'
import { generateKeyPairSync, randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeBundle, openBundle, verifiedLines } from '../server/exchange/bundle.ts'
import { signingIdentity } from '../server/exchange/identity.ts'
import { publicKeyText } from '../server/exchange/keys.ts'
import { pullPartner } from '../server/exchange/pull.ts'
import { BUNDLE_FORMAT } from '../server/exchange/rules.ts'
import { exportBundle } from '../server/exchange/export.ts'
import { getPartner } from '../server/repos/exchange.ts'
import { insertPlan } from '../server/repos/patrols.ts'
import { exportTo, importCsv, instance, merge, register, type Instance } from './helpers/exchange.ts'
import { multipart } from './helpers/multipart.ts'
import { userWithToken } from './helpers/users.ts'

const dir = mkdtempSync(join(tmpdir(), 'sahel-exchange-'))

/** Incidents an instance holds from origin state `origin`, by source id: [sharing, dead, origin agency]. */
async function incidentsFrom(at: Instance, origin: string): Promise<Record<string, [string, number, string]>> {
  const res = await at.app.inject({ method: 'GET', url: `/api/incidents?origin=${origin}&limit=5000` })
  expect(res.statusCode).toBe(200)
  const out: Record<string, [string, number, string]> = {}
  for (const f of res.json().features) out[f.properties.source_id] = [f.properties.sharing, f.properties.dead, f.properties.origin_agency]
  return out
}

const NER = 'Niger border police'
const MLI = 'Mali gendarmerie'
const TCD = 'Chad customs'
const ACLED_HEADER = 'event_id_cnty,event_date,event_type,latitude,longitude,fatalities'

describe('exchange between deployments: Niger, Mali and Chad', () => {
  let niger: Instance
  let mali: Instance
  let chad: Instance
  let nigerOrigin: string
  let firstToMali: Buffer

  beforeAll(async () => {
    // one after the other: three boots at once can starve a loaded machine past Fastify's plugin timeout
    niger = await instance('pglite', dir, 'niger', 'NER', NER)
    mali = await instance(process.env.DATABASE_URL ? 'pg' : 'pglite', dir, 'mali', 'MLI', MLI)
    chad = await instance('pglite', dir, 'chad', 'TCD', TCD)
    nigerOrigin = await niger.app.listen({ port: 0, host: '127.0.0.1' })
    // Niger's data: one import per sharing level, ACLED rows (licence: never redistributed),
    // a bilateral route and plan for Mali
    await importCsv(niger.app, 'ner-national', 'national', [['nat-1', 1], ['nat-2', 2]])
    await importCsv(niger.app, 'ner-mali', 'bilateral', [['bi-1', 1], ['bi-2', 2], ['bi-3', 3]], 'MLI')
    await importCsv(niger.app, 'ner-regional', 'regional', [['reg-1', 1], ['reg-2', 2], ['reg-3', 3], ['reg-4', 4]])
    await importCsv(niger.app, 'ner-public', 'public', [['pub-1', 1]])
    const acled = `${ACLED_HEADER}\nNIG1,2023-02-01,Battles,14.5,6.5,3\nNIG2,2023-02-02,Battles,14.6,6.6,0\n`
    const upload = multipart({ format: 'acled', sharing: 'regional' }, { name: 'acled.csv', content: acled })
    expect((await niger.app.inject({ method: 'POST', url: '/api/imports', ...upload })).statusCode).toBe(201)
    const route = await niger.app.inject({
      method: 'POST',
      url: '/api/routes',
      payload: { id: 'agadez-gao', name: 'Agadez to Gao', family: 'central', kind: 'migration', threats: ['migration_trafficking'], direction: 'both', confidence: 'medium', geometry: { type: 'LineString', coordinates: [[7.99, 16.97], [0.04, 16.27]] }, sharing: 'bilateral', partners: 'MLI' },
    })
    expect(route.statusCode).toBe(201)
    await insertPlan(niger.app.serviceDb, 'Joint patrol Niger-Mali', { k: 2 }, { sites: [] }, { agencyId: 1, state: null, sharing: 'bilateral', partners: ['MLI'] })
    await insertPlan(niger.app.serviceDb, 'National patrol', { k: 1 }, { sites: [] }, { agencyId: 1, state: null, sharing: 'national', partners: [] })
  }, 240_000)

  afterAll(async () => {
    await Promise.all([niger, mali, chad].filter(Boolean).map((i) => i.close()))
    rmSync(dir, { recursive: true, force: true })
  })

  it('gives each instance its own id and key, and registers partners with the levels they may receive', async () => {
    const res = await niger.app.inject({ method: 'GET', url: '/api/exchange/identity' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ instance_id: niger.identity.instance_id, state_iso3: 'NER', agency_name: NER })
    expect(new Set([niger, mali, chad].map((i) => i.identity.instance_id)).size).toBe(3)
    expect(new Set([niger, mali, chad].map((i) => i.identity.public_key)).size).toBe(3)

    expect((await register(niger, 'mali', mali, ['bilateral', 'regional', 'public'])).statusCode).toBe(201)
    expect((await register(niger, 'chad', chad, ['regional', 'public'])).statusCode).toBe(201)
    expect((await register(mali, 'niger', niger, ['bilateral', 'regional', 'public'])).statusCode).toBe(201)
    expect((await register(chad, 'niger', niger, ['bilateral', 'regional', 'public'])).statusCode).toBe(201)
    expect((await register(chad, 'mali', mali, ['bilateral', 'regional', 'public'])).statusCode).toBe(201)
    expect((await register(mali, 'chad', chad, ['bilateral', 'regional', 'public'])).statusCode).toBe(201)

    const again = await register(niger, 'mali', mali, ['regional'])
    expect(again.statusCode).toBe(409)
    const national = await register(niger, 'other', chad, ['national'])
    expect(national.statusCode).toBe(400)
    expect(national.json().field).toMatch(/^body\.levels/)
    const badKey = await niger.app.inject({ method: 'POST', url: '/api/exchange/partners', payload: { name: 'bad', instance_id: '00000000-0000-4000-8000-000000000000', state: 'TCD', agency: 'x agency', public_key: 'A'.repeat(60), levels: ['public'] } })
    expect(badKey.statusCode).toBe(400)
    expect(badKey.json().field).toBe('body.public_key')
    const list = (await niger.app.inject({ method: 'GET', url: '/api/exchange/partners' })).json().partners
    expect(list.map((p: { name: string; levels: string[] }) => [p.name, p.levels])).toEqual([
      ['chad', ['regional', 'public']],
      ['mali', ['bilateral', 'regional', 'public']],
    ])
  })

  it('Mali receives exactly the bilateral, regional and public records meant for it: nothing national, no ACLED row', async () => {
    firstToMali = await exportTo(niger, 'mali')
    const res = await merge(mali, firstToMali)
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ partner: 'niger', sequence: 1, noop: false, counts: { incidents: { received: 8, inserted: 8, updated: 0 }, routes: { inserted: 1 }, plans: { inserted: 1 } } })
    expect(await incidentsFrom(mali, 'NER')).toEqual({
      'bi-1': ['bilateral', 1, NER],
      'bi-2': ['bilateral', 2, NER],
      'bi-3': ['bilateral', 3, NER],
      'reg-1': ['regional', 1, NER],
      'reg-2': ['regional', 2, NER],
      'reg-3': ['regional', 3, NER],
      'reg-4': ['regional', 4, NER],
      'pub-1': ['public', 1, NER],
    })
    // credits travel with the rows; the route and plan keep their sharing and show their origin
    const page = (await mali.app.inject({ method: 'GET', url: '/api/incidents?origin=NER&source=ner-mali' })).json()
    expect(page.credits).toEqual([{ dataset: 'ner-mali', credit: 'ner-mali credit' }])
    expect(page.features[0].properties).toMatchObject({ origin_state: 'NER', origin_instance: niger.identity.instance_id, partners: ['MLI'] })
    const routes = (await mali.app.inject({ method: 'GET', url: '/api/routes' })).json().features.filter((f: { properties: { origin_state: string } }) => f.properties.origin_state === 'NER')
    expect(routes.map((f: { id: string; properties: Record<string, unknown> }) => [f.id, f.properties.sharing, f.properties.partners, f.properties.origin_agency])).toEqual([[`agadez-gao-${niger.identity.instance_id.slice(0, 8)}`, 'bilateral', ['MLI'], NER]])
    const plans = await mali.app.serviceDb.query<{ name: string; sharing: string; origin_state: string }>('SELECT name, sharing, origin_state FROM patrol_plans WHERE origin_state IS NOT NULL')
    expect(plans).toEqual([{ name: 'Joint patrol Niger-Mali', sharing: 'bilateral', origin_state: 'NER' }])
    // the imports' metadata: the three Niger imports Mali may see, not the national or ACLED one
    const imports = await mali.app.serviceDb.query<{ source_dataset: string }>('SELECT source_dataset FROM imports WHERE origin_state = $1 ORDER BY 1', ['NER'])
    expect(imports.map((i) => i.source_dataset)).toEqual(['ner-mali', 'ner-public', 'ner-regional'])
    // records local to Mali: none came in as local
    expect(await incidentsFrom(mali, 'local')).toEqual({})
    // static maps credit the partner agency beside the datasets; exports name the origin
    const svg = await mali.app.inject({ method: 'GET', url: '/api/maps/static.svg?width=800&height=500&date=2024-03-07&bbox=0,10,12,20&layers=incidents,borders' })
    expect(svg.statusCode).toBe(200)
    expect(svg.body).toContain('Niger border police (NER)')
    const csvOut = await mali.app.inject({ method: 'GET', url: '/api/exports/incidents.csv?bbox=0,10,12,20&layers=incidents' })
    expect(csvOut.statusCode).toBe(200)
    expect(csvOut.body.split('\n')[0]).toContain('origin_state')
    expect(csvOut.body).toContain('Niger border police')
  })

  it('Chad receives the regional and public records, never the Niger-Mali bilateral ones', async () => {
    const res = await merge(chad, await exportTo(niger, 'chad'))
    expect(res.statusCode).toBe(201)
    expect(Object.keys(await incidentsFrom(chad, 'NER')).sort()).toEqual(['pub-1', 'reg-1', 'reg-2', 'reg-3', 'reg-4'])
    expect(res.json().counts.routes.received).toBe(0)
    expect(res.json().counts.plans.received).toBe(0)
  })

  it('merging the same bundle again is a no-op', async () => {
    const res = await merge(mali, firstToMali)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ noop: true, import_id: null })
    expect(Object.keys(await incidentsFrom(mali, 'NER'))).toHaveLength(8)
  })

  it('an edit in Niger, re-sent, updates Mali in place; an older bundle is then refused as replayed', async () => {
    await importCsv(niger.app, 'ner-regional', 'regional', [['reg-1', 10], ['reg-2', 2], ['reg-3', 3], ['reg-4', 4]])
    const older = await exportTo(niger, 'mali', '?since=2000-01-01')
    const newer = await exportTo(niger, 'mali')
    const res = await merge(mali, newer)
    expect(res.statusCode).toBe(201)
    expect(res.json().counts.incidents).toMatchObject({ received: 8, inserted: 0, updated: 1 })
    expect((await incidentsFrom(mali, 'NER'))['reg-1']).toEqual(['regional', 10, NER])
    const replay = await merge(mali, older)
    expect(replay.statusCode).toBe(409)
    expect(replay.json()).toMatchObject({ field: 'bundle' })
    expect(replay.json().message).toMatch(/replayed or older/)
  })

  it('a deletion in Niger travels as a tombstone and deletes the row and the route in Mali', async () => {
    await niger.app.serviceDb.query("DELETE FROM incidents WHERE source_id = 'bi-3'")
    expect((await niger.app.inject({ method: 'DELETE', url: '/api/routes/agadez-gao' })).statusCode).toBe(204)
    const res = await merge(mali, await exportTo(niger, 'mali'))
    expect(res.statusCode).toBe(201)
    expect(res.json().counts.incidents.deleted).toBe(1)
    expect(res.json().counts.routes.deleted).toBe(1)
    expect(Object.keys(await incidentsFrom(mali, 'NER')).sort()).toEqual(['bi-1', 'bi-2', 'pub-1', 'reg-1', 'reg-2', 'reg-3', 'reg-4'])
    const routes = (await mali.app.inject({ method: 'GET', url: '/api/routes' })).json().features
    expect(routes.filter((f: { properties: { origin_state: string } }) => f.properties.origin_state === 'NER')).toEqual([])
  })

  it('refuses a tampered byte, a wrong key, an unknown sender, an expired bundle and a bundle for another partner, changing nothing', async () => {
    const before = await incidentsFrom(mali, 'NER')
    const good = await exportTo(niger, 'mali')
    const tamperedPayload = Buffer.from(good)
    tamperedPayload[tamperedPayload.length - 20] ^= 0x01
    const tamperedHeader = Buffer.from(good.toString('latin1').replace('"sequence":', '"sequence":1'), 'latin1')
    const foreign = await exportTo(niger, 'chad')
    // a bundle that claims to be Niger's, signed with another key
    const { privateKey } = generateKeyPairSync('ed25519')
    const header = {
      format: BUNDLE_FORMAT,
      bundle_id: '11111111-2222-4333-8444-555555555555',
      from: { instance_id: niger.identity.instance_id, state: 'NER', agency: NER },
      to: { instance_id: mali.identity.instance_id, state: 'MLI', partner: 'mali' },
      created: new Date().toISOString(),
      expires: new Date(Date.now() + 86_400_000).toISOString(),
      sequence: 999,
      cursor: 0,
      since: null,
      after_cursor: 0,
      counts: {},
    }
    const wrongKey = encodeBundle(header, [], privateKey)
    const stranger = encodeBundle({ ...header, from: { instance_id: '99999999-2222-4333-8444-555555555555', state: 'LBY', agency: 'x' } }, [], privateKey)
    expect(publicKeyText(privateKey)).not.toBe(niger.identity.public_key)
    const maliPartner = (await getPartner(niger.app.serviceDb, { name: 'mali' }))!
    const expired = (await exportBundle(niger.app.serviceDb, maliPartner, { keyFile: join(dir, 'niger.pem'), now: new Date(Date.now() - 40 * 86_400_000) })).bytes

    const cases: [Buffer, number, RegExp][] = [
      [tamperedPayload, 400, /altered|gzip/],
      [tamperedHeader, 400, /signature does not verify|altered/],
      [wrongKey, 400, /signature does not verify/],
      [stranger, 403, /not a registered partner/],
      [foreign, 422, /addressed to instance/],
      [expired, 422, /expired at/],
      [Buffer.from('not a bundle'), 400, /not an exchange bundle/],
    ]
    for (const [bytes, status, message] of cases) {
      const res = await merge(mali, bytes)
      expect(res.statusCode, message.source).toBe(status)
      expect(res.json().field).toBe('bundle')
      expect(res.json().message).toMatch(message)
    }
    expect(await incidentsFrom(mali, 'NER')).toEqual(before)
    // the genuine bundle still merges afterwards
    expect((await merge(mali, good)).statusCode).toBe(201)
  })

  it('refuses a signed bundle that writes an incident twice, or one without numeric coordinates, merging nothing', async () => {
    const before = await incidentsFrom(mali, 'NER')
    const good = await exportTo(niger, 'mali')
    const opened = openBundle(good)
    const lines = verifiedLines(opened, niger.identity.public_key!, 'niger')
    const incident = lines.findIndex((l) => l.startsWith('{"t":"incident"'))
    expect(incident).toBeGreaterThan(-1)
    const { key } = await signingIdentity(niger.app.serviceDb, join(dir, 'niger.pem'))
    // the genuine header under a new bundle id, re-signed with Niger's own key: only the records differ
    const resigned = (records: string[]) => encodeBundle({ ...opened.header, bundle_id: randomUUID() }, records, key)
    // a record Mali does not hold yet, twice: the merge would write it twice
    const fresh = lines[incident].replace(/"id":"[^"]*"/, '"id":"twice-1"').replace(/"source_id":"[^"]*"/, '"source_id":"twice-1"')
    const unplaced = lines[incident].replace(/"lng":[-0-9.e]+/, '"lng":"east"')
    expect([fresh, unplaced]).not.toContain(lines[incident])
    const twice = resigned([...lines, fresh, fresh])
    const noCoordinates = resigned(lines.map((l, i) => (i === incident ? unplaced : l)))

    const dup = await merge(mali, twice)
    expect(dup.statusCode).toBe(400)
    expect(dup.json().message).toMatch(/could not be stored .*nothing was merged/)
    const bad = await merge(mali, noCoordinates)
    expect(bad.statusCode).toBe(400)
    expect(bad.json().message).toMatch(/lng and lat must be numbers/)
    expect(await incidentsFrom(mali, 'NER')).toEqual(before)
  })

  it('a round trip Niger -> Mali -> Chad never widens a bilateral record', async () => {
    const res = await merge(chad, await exportTo(mali, 'chad'))
    expect(res.statusCode).toBe(201)
    // Mali re-sent Niger's regional and public rows (unchanged at Chad), never the Niger-Mali ones
    expect(res.json().counts.incidents).toMatchObject({ received: 5, inserted: 0 })
    const atChad = await incidentsFrom(chad, 'NER')
    expect(Object.keys(atChad).sort()).toEqual(['pub-1', 'reg-1', 'reg-2', 'reg-3', 'reg-4'])
    expect(atChad['reg-1']).toEqual(['regional', 10, NER])
    const bilateral = await chad.app.serviceDb.query<{ n: number }>("SELECT count(*)::int AS n FROM incidents WHERE sharing = 'bilateral'")
    expect(bilateral[0].n).toBe(0)
  })

  it('Mali pulls Niger online over loopback, with the same checks and merge', async () => {
    // Niger issues Mali's agency a token; Mali registers it with Niger's URL
    const maliAgency = (await niger.app.serviceDb.query<{ agency_id: number }>("SELECT agency_id FROM exchange_partners WHERE name = 'mali'"))[0].agency_id
    const { headers } = await userWithToken(niger.app.serviceDb, Number(maliAgency), 'exchange.mali', 'viewer')
    await mali.app.serviceDb.query("UPDATE exchange_partners SET url = $1, pull_token = $2 WHERE name = 'niger'", [nigerOrigin, headers.authorization.slice('Bearer '.length)])

    expect((await fetch(`${nigerOrigin}/api/exchange/changes?cursor=0`)).status).toBe(401)
    // a token of an agency that is no partner (the secretariat's)
    const outsider = await userWithToken(niger.app.serviceDb, 1, 'secretariat.viewer', 'viewer')
    expect((await fetch(`${nigerOrigin}/api/exchange/changes?cursor=0`, { headers: outsider.headers })).status).toBe(403)

    await importCsv(niger.app, 'ner-mali', 'bilateral', [['bi-1', 1], ['bi-2', 2], ['bi-4', 4]], 'MLI')
    const first = await pullPartner(mali.app.serviceDb, 'niger', { kind: 'local' })
    expect(first.noop).toBe(false)
    expect((await incidentsFrom(mali, 'NER'))['bi-4']).toEqual(['bilateral', 4, NER])
    // the cursor moved: a second pull brings nothing
    const second = await pullPartner(mali.app.serviceDb, 'niger', { kind: 'local' })
    expect(second.counts.incidents.received).toBe(0)
    expect(second.sequence).toBe(first.sequence + 1)
  })

  it('the audit logs record every export, import and pull of a bundle', async () => {
    const actions = async (i: Instance) => (await i.app.serviceDb.query<{ action: string; n: number }>("SELECT action, count(*)::int AS n FROM audit_log WHERE action LIKE 'exchange.%' GROUP BY action ORDER BY action")).map((r) => [r.action, r.n])
    expect(await actions(niger)).toEqual([
      ['exchange.changes', 2],
      ['exchange.export', 8],
      ['exchange.partner.create', 2],
    ])
    expect(await actions(mali)).toEqual([
      ['exchange.export', 1],
      ['exchange.import', 5],
      ['exchange.import.refused', 10],
      ['exchange.partner.create', 2],
      ['exchange.pull', 2],
    ])
  })
})
