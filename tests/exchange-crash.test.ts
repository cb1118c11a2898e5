// Crash safety of a bundle merge: `npm run exchange -- import` killed with SIGKILL after its
// first batch of incidents leaves nothing merged (no row, no bundle record, no sequence, no
// audit entry), the database reopens, and the same bundle then merges completely.
import { generateKeyPairSync, randomUUID } from 'node:crypto'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../server/db/open.ts'
import type { Db } from '../server/db/types.ts'
import { encodeBundle } from '../server/exchange/bundle.ts'
import { ensureIdentity } from '../server/exchange/identity.ts'
import { publicKeyText } from '../server/exchange/keys.ts'
import { registerPartner } from '../server/exchange/partners.ts'
import { BUNDLE_FORMAT } from '../server/exchange/rules.ts'
import { setIdentity } from '../server/repos/exchange.ts'
import { exited, waitForOutput } from './helpers/child-process.ts'
import { copyTemplate, testDrivers } from './helpers/databases.ts'

const ROWS = 30_000
const SENDER = '5e4d0000-0000-4000-8000-00000000abcd'

/** A bundle line for one generated incident of the sender. */
function incidentLine(i: number): string {
  return JSON.stringify({
    t: 'incident', o: SENDER, id: String(i + 1), v: i + 1, state: 'NER', agency: 'Niger border police', sharing: 'regional', partners: [], imp: '1',
    dataset: 'ner-crash', source_id: `c${i}`, date: `2022-0${1 + (i % 9)}-15`, date_precision: 'day', threat: 'migration_trafficking',
    lng: 2 + (i % 500) * 0.02, lat: 12 + Math.floor(i / 500) * 0.05, geo_precision: 1, dead: i % 3, missing: null, dead_missing: null,
    survivors: null, quantity: null, route: null, route_family: null, attrs: {}, h3: ['0', '0', '0', '0', '0', '0', '0'],
  })
}

async function counts(db: Db) {
  const [row] = await db.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM incidents WHERE origin_instance = $1) AS incidents,
            (SELECT count(*)::int FROM exchange_bundles WHERE direction = 'in') AS bundles,
            (SELECT received_sequence::int FROM exchange_partners WHERE instance_id = $1) AS sequence,
            (SELECT count(*)::int FROM imports WHERE format = 'exchange') AS imports,
            (SELECT count(*)::int FROM audit_log WHERE action = 'exchange.import') AS audited`,
    [SENDER],
  )
  return row
}

describe.each(testDrivers())('kill -9 in the middle of a bundle merge on %s', (driver) => {
  let dir: string
  let bundlePath: string
  let config: { dataDir: string; databaseUrl: string | null }
  let env: NodeJS.ProcessEnv
  let drop: () => Promise<void>
  const children: ChildProcess[] = []
  const run = () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/exchange.ts', 'import', bundlePath], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    children.push(child)
    return child
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sahel-exchange-crash-'))
    const copy = await copyTemplate(driver)
    config = copy.config
    drop = copy.drop
    const keyFile = join(dir, 'mali.pem')
    const { DATABASE_URL: _unused, ...rest } = process.env
    env = { ...rest, ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : { DATA_DIR: config.dataDir }), EXCHANGE_KEY_FILE: keyFile, LOG_LEVEL: 'silent' }
    // the receiving instance: its identity, and the sender registered with its key
    const sender = generateKeyPairSync('ed25519').privateKey
    const db = await openDb(config)
    let instanceId: string
    try {
      instanceId = (await ensureIdentity(db, keyFile)).instance_id
      await setIdentity(db, 'MLI', 'Mali gendarmerie')
      await registerPartner(db, { name: 'niger', instanceId: SENDER, state: 'NER', agency: 'Niger border police', publicKey: publicKeyText(sender), levels: ['regional'], url: null, pullToken: null })
    } finally {
      await db.close()
    }
    const lines = [JSON.stringify({ t: 'source', dataset: 'ner-crash', credit: 'Niger border police', url: null }), ...Array.from({ length: ROWS }, (_, i) => incidentLine(i))]
    const now = Date.now()
    const header = {
      format: BUNDLE_FORMAT, bundle_id: randomUUID(), sequence: 1, cursor: ROWS, since: null, after_cursor: 0, counts: { incidents: ROWS },
      from: { instance_id: SENDER, state: 'NER', agency: 'Niger border police' },
      to: { instance_id: instanceId, state: 'MLI', partner: 'mali' },
      created: new Date(now).toISOString(), expires: new Date(now + 86_400_000).toISOString(),
    }
    bundlePath = join(dir, 'large.sahel-bundle')
    writeFileSync(bundlePath, encodeBundle(header, lines, sender))
  }, 120_000)

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await Promise.all(children.map(exited))
    await drop?.()
    rmSync(dir, { recursive: true, force: true })
  })

  it('leaves no partial merge, and the database reopens cleanly', async () => {
    const importer = run()
    // the progress line is printed after a batch is written inside the merge's transaction
    const [, merged] = await waitForOutput(importer, /([\d,]+) incidents merged/, 90_000)
    importer.kill('SIGKILL')
    expect(await exited(importer)).toBe(null)
    expect(Number(merged.replace(/,/g, ''))).toBeGreaterThan(0)
    expect(Number(merged.replace(/,/g, ''))).toBeLessThan(ROWS)
    const db = await openDb(config)
    try {
      expect(await counts(db)).toEqual({ incidents: 0, bundles: 0, sequence: 0, imports: 0, audited: 0 })
    } finally {
      await db.close()
    }
  }, 120_000)

  it('merges the same bundle completely after the crash', async () => {
    const importer = run()
    let out = ''
    importer.stdout!.on('data', (c: Buffer) => (out += c.toString()))
    expect(await exited(importer)).toBe(0)
    expect(JSON.parse(out)).toMatchObject({ noop: false, sequence: 1, counts: { incidents: { received: ROWS, inserted: ROWS, updated: 0 } } })
    const db = await openDb(config)
    try {
      expect(await counts(db)).toEqual({ incidents: ROWS, bundles: 1, sequence: 1, imports: 1, audited: 1 })
    } finally {
      await db.close()
    }
  }, 180_000)
})
