// Changing and removing exchange partners (issue 14): PATCH/DELETE /api/exchange/partners/:name
// and `npm run exchange -- partner update|remove`. A removed partner's bundles are refused and
// its pull tokens revoked, but the records it sent stay, and a bundle merged before stays a no-op.
import { spawn } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../server/db/open.ts'
import { ensureIdentity } from '../server/exchange/identity.ts'
import { publicKeyText } from '../server/exchange/keys.ts'
import { pullUserName, registerPartner } from '../server/exchange/partners.ts'
import { getPartner, setIdentity } from '../server/repos/exchange.ts'
import { exited } from './helpers/child-process.ts'
import { copyTemplate, testDrivers } from './helpers/databases.ts'
import { exportTo, importCsv, instance, merge, register, type Instance } from './helpers/exchange.ts'
import { userWithToken } from './helpers/users.ts'

const NER = 'Niger border police'
const NIGER_INSTANCE = '5e4d0000-0000-4000-8000-00000000beef'

describe.each(testDrivers())('partner changes through the API on %s', (driver) => {
  const dir = mkdtempSync(join(tmpdir(), 'sahel-partners-'))
  let mali: Instance
  let niger: Instance
  let firstBundle: Buffer

  beforeAll(async () => {
    mali = await instance(driver, dir, 'mali', 'MLI', 'Mali gendarmerie')
    niger = await instance('pglite', dir, 'niger', 'NER', NER)
    expect((await register(niger, 'mali', mali, ['regional'])).statusCode).toBe(201)
    expect((await register(mali, 'niger', niger, ['bilateral', 'regional'])).statusCode).toBe(201)
    await importCsv(niger.app, 'ner-field', 'regional', [['n1', 1], ['n2', 2], ['n3', 3]])
    firstBundle = await exportTo(niger, 'mali')
    expect((await merge(mali, firstBundle)).statusCode).toBe(201)
  }, 240_000)

  afterAll(async () => {
    await Promise.all([mali, niger].filter(Boolean).map((i) => i.close()))
    rmSync(dir, { recursive: true, force: true })
  })

  const patch = (name: string, payload: unknown) => mali.app.inject({ method: 'PATCH', url: `/api/exchange/partners/${name}`, payload: payload as never })

  it('changes the levels a partner may receive, audited', async () => {
    const res = await patch('niger', { levels: ['regional', 'public'] })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ name: 'niger', levels: ['regional', 'public'], state_iso3: 'NER', agency_name: NER, has_pull_token: false })
    expect((await getPartner(mali.app.serviceDb, { name: 'niger' }))!.levels).toEqual(['regional', 'public'])
    const [entry] = await mali.app.serviceDb.query<{ target: string; detail: { changed: string[]; levels: string[] } }>("SELECT target, detail FROM audit_log WHERE action = 'exchange.partner.update'")
    expect(entry).toMatchObject({ target: 'partner:niger', detail: { changed: ['levels'], levels: ['regional', 'public'] } })
  })

  it('sets and clears the online pull URL and token together', async () => {
    const set = await patch('niger', { url: 'http://127.0.0.1:9/', token: 'srt_api_abcdefgh' })
    expect(set.statusCode).toBe(200)
    expect(set.json()).toMatchObject({ url: 'http://127.0.0.1:9/', has_pull_token: true })
    const cleared = await patch('niger', { url: null, token: null })
    expect(cleared.json()).toMatchObject({ url: null, has_pull_token: false })
    expect((await getPartner(mali.app.serviceDb, { name: 'niger' }))!.pull_token).toBeNull()
  })

  it('answers bad input with a 400 naming the field, and changes nothing', async () => {
    const cases: [unknown, string][] = [
      [{ levels: ['national'] }, 'body.levels'],
      [{ levels: [] }, 'body.levels'],
      [{ public_key: 'MCowBQYDK2VwAyEA-this-is-not-a-key-but-long-enough=' }, 'body.public_key'],
      [{ url: 'http://127.0.0.1:9/' }, 'body.token'],
      [{ token: 'srt_api_abcdefgh' }, 'body.url'],
      [{ url: 'ftp://example.org', token: 'srt_api_abcdefgh' }, 'body.url'],
      [{ name: 'other' }, 'body'],
      [{}, 'body'],
    ]
    for (const [payload, field] of cases) {
      const res = await patch('niger', payload)
      expect([res.statusCode, res.json().field?.startsWith(field)], JSON.stringify(payload)).toEqual([400, true])
    }
    expect((await getPartner(mali.app.serviceDb, { name: 'niger' }))!.levels).toEqual(['regional', 'public'])
  })

  it('rotates a partner key: bundles signed with the old key are refused, with the new key merged', async () => {
    const newKey = generateKeyPairSync('ed25519')
    const res = await patch('niger', { public_key: publicKeyText(newKey.privateKey) })
    expect(res.statusCode).toBe(200)
    const refused = await merge(mali, await exportTo(niger, 'mali'))
    expect(refused.statusCode).toBe(400)
    expect(refused.json().field).toBe('bundle')
    expect((await patch('niger', { public_key: niger.identity.public_key })).statusCode).toBe(200)
    expect((await merge(mali, await exportTo(niger, 'mali'))).statusCode).toBe(201)
  })

  it('answers 404 for a partner not registered', async () => {
    expect((await patch('chad', { levels: ['public'] })).statusCode).toBe(404)
    expect((await mali.app.inject({ method: 'DELETE', url: '/api/exchange/partners/chad' })).statusCode).toBe(404)
  })

  it('removing a partner keeps the records it sent and its bundle history, refuses its bundles and revokes its pull token', async () => {
    const partner = (await getPartner(mali.app.serviceDb, { name: 'niger' }))!
    const puller = await userWithToken(mali.app.serviceDb, partner.agency_id, pullUserName('niger'), 'viewer')
    expect((await mali.app.inject({ method: 'GET', url: '/api/exchange/changes?cursor=0', headers: puller.headers })).statusCode).toBe(200)
    const before = (await mali.app.inject({ method: 'GET', url: '/api/incidents?origin=NER' })).json().features.length
    expect(before).toBe(3)

    const res = await mali.app.inject({ method: 'DELETE', url: '/api/exchange/partners/niger' })
    expect(res.statusCode).toBe(204)
    expect(await getPartner(mali.app.serviceDb, { name: 'niger' })).toBeNull()
    expect((await mali.app.inject({ method: 'GET', url: '/api/incidents?origin=NER' })).json().features.length).toBe(3)
    const [bundles] = await mali.app.serviceDb.query<{ n: number }>("SELECT count(*)::int AS n FROM exchange_bundles WHERE direction = 'in' AND partner_id IS NULL")
    expect(bundles.n).toBe(2)
    expect((await merge(mali, await exportTo(niger, 'mali'))).statusCode).toBe(403)
    expect((await mali.app.inject({ method: 'GET', url: '/api/exchange/changes?cursor=0', headers: puller.headers })).statusCode).toBe(401)
    const [entry] = await mali.app.serviceDb.query<{ detail: { tokens_revoked: number } }>("SELECT detail FROM audit_log WHERE action = 'exchange.partner.delete' AND target = 'partner:niger'")
    expect(entry.detail.tokens_revoked).toBe(1)

    // registered again: a bundle merged before is still a no-op
    expect((await register(mali, 'niger', niger, ['regional'])).statusCode).toBe(201)
    const again = await merge(mali, firstBundle)
    expect(again.statusCode).toBe(200)
    expect(again.json().noop).toBe(true)
  })
})

// one driver (PostgreSQL when there is one): the CLI's partner code is the API's, tested on both above
describe.each([testDrivers().at(-1)!])('npm run exchange -- partner update|remove on %s', (driver) => {
  let dir: string
  let config: { dataDir: string; databaseUrl: string | null }
  let env: NodeJS.ProcessEnv
  let drop: () => Promise<void>

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sahel-partners-cli-'))
    ;({ config, drop } = await copyTemplate(driver))
    const keyFile = join(dir, 'mali.pem')
    const { DATABASE_URL: _unused, ...rest } = process.env
    env = { ...rest, ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : { DATA_DIR: config.dataDir }), EXCHANGE_KEY_FILE: keyFile, LOG_LEVEL: 'silent' }
    const db = await openDb(config)
    try {
      await ensureIdentity(db, keyFile)
      await setIdentity(db, 'MLI', 'Mali gendarmerie')
      const key = publicKeyText(generateKeyPairSync('ed25519').privateKey)
      await registerPartner(db, { name: 'niger', instanceId: NIGER_INSTANCE, state: 'NER', agency: NER, publicKey: key, levels: ['regional'], url: null, pullToken: null })
    } finally {
      await db.close()
    }
  }, 120_000)

  afterAll(async () => {
    await drop?.()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  const cli = async (...args: string[]) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/exchange.ts', 'partner', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    return { code: await exited(child), stderr }
  }
  const stored = async () => {
    const db = await openDb(config)
    try {
      return await getPartner(db, { name: 'niger' })
    } finally {
      await db.close()
    }
  }

  it('updates the levels and pull settings, names a bad argument, then removes the partner', async () => {
    const updated = await cli('update', '--name', 'niger', '--levels', 'bilateral,public', '--url', 'https://niger.example.org', '--token', 'srt_api_abcdefgh')
    expect(updated.code, updated.stderr).toBe(0)
    expect(await stored()).toMatchObject({ levels: ['bilateral', 'public'], url: 'https://niger.example.org', pull_token: 'srt_api_abcdefgh' })
    const bad = await cli('update', '--name', 'niger', '--levels', 'national')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--levels')
    const unknown = await cli('remove', '--name', 'chad')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('no partner named "chad"')
    const removed = await cli('remove', '--name', 'niger')
    expect(removed.code, removed.stderr).toBe(0)
    expect(removed.stderr).toContain('the records it sent stay')
    expect(await stored()).toBeNull()
  }, 300_000)
})
