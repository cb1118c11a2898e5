// npm run import (scripts/import.ts) with a mapping on the command line, on every driver: a CSV
// with unfamiliar headers goes in through --map, --threat, --dataset and --credit, next month's
// file with the same headers goes in without flags (the saved mapping), and a bad --map or an
// empty file is refused with exit code 2 and a message, nothing written.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../server/db/open.ts'
import { copyTemplate, testDrivers } from './helpers/databases.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const FIXTURE = 'tests/fixtures/imports/partner-unfamiliar.csv'
/** each run opens the database and checks migrations: several seconds on a busy machine */
const SLOW = 120_000

describe.each(testDrivers())('npm run import with --map on %s', (driver) => {
  let config: { dataDir: string; databaseUrl: string | null }
  let drop: () => Promise<void>
  const scratch = mkdtempSync(join(tmpdir(), 'sahel-import-cli-'))
  beforeAll(async () => {
    ;({ config, drop } = await copyTemplate(driver))
  })
  afterAll(async () => {
    rmSync(scratch, { recursive: true, force: true })
    await drop?.()
  })

  function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: config.dataDir || scratch, DATABASE_URL: config.databaseUrl ?? '', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    return new Promise((resolve, reject) => {
      child.once('error', reject)
      child.once('close', (code) => resolve({ code, stdout, stderr }))
    })
  }
  /** The JSON summary the CLI prints first. */
  const summary = (stdout: string) => JSON.parse(stdout.slice(0, stdout.indexOf('\n}') + 2))
  async function rows(): Promise<{ source_id: string; threat: string; d: string }[]> {
    const db = await openDb(config)
    try {
      return await db.query("SELECT source_id, threat, to_char(occurred_on, 'YYYY-MM-DD') AS d FROM incidents WHERE source_dataset = 'dz-customs' ORDER BY source_id")
    } finally {
      await db.close()
    }
  }

  it('imports a CSV with unfamiliar headers through --map, --threat, --dataset and --credit', { timeout: SLOW }, async () => {
    const res = await run([FIXTURE, '--map', 'lat=Y_wgs84,lng=X_wgs84,date=Jour,id=Ref,dead=Victimes', '--threat', 'drug_trafficking', '--dataset', 'dz-customs', '--credit', 'Algerian customs'])
    expect(res.code, res.stderr).toBe(0)
    expect(summary(res.stdout)).toMatchObject({ status: 'completed', format: 'csv', source_dataset: 'dz-customs', credit: 'Algerian customs', rows_read: 6, inserted: 6, rejected: 0, mapping: { fields: { lat: 'Y_wgs84', date: 'Jour', date_order: 'dmy' } } })
    const stored = await rows()
    expect(stored.map((r) => [r.source_id, r.d])).toEqual([['DZ-01', '2024-02-03'], ['DZ-02', '2024-02-14'], ['DZ-03', '2024-03-25'], ['DZ-04', '2024-04-09'], ['DZ-05', '2024-04-30'], ['DZ-06', '2024-05-01']])
    expect(new Set(stored.map((r) => r.threat))).toEqual(new Set(['drug_trafficking']))
  })

  it('imports next month\'s file with the same headers without flags, by the saved mapping', { timeout: SLOW }, async () => {
    const next = join(scratch, 'partner-june.csv')
    writeFileSync(next, 'Ref;Y_wgs84;X_wgs84;Jour;Nature;Victimes\nDZ-07;19.61;5.70;13/06/2024;Saisie de drogue;1\n')
    const res = await run([next])
    expect(res.code, res.stderr).toBe(0)
    expect(summary(res.stdout)).toMatchObject({ source_dataset: 'dz-customs', inserted: 1, mapping: { reused_from: expect.any(Number) } })
    expect((await rows()).at(-1)).toEqual({ source_id: 'DZ-07', threat: 'drug_trafficking', d: '2024-06-13' })
  })

  it('refuses a --map naming a column the file lacks, and an empty file, with exit code 2 and nothing written', { timeout: SLOW }, async () => {
    const bad = await run([FIXTURE, '--map', 'lat=Breite,lng=X_wgs84,date=Jour', '--dataset', 'dz-other'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/^import: mapping\.lat: no column named "Breite" among "Ref", "Y_wgs84"/m)
    const empty = join(scratch, 'empty.csv')
    writeFileSync(empty, '')
    const none = await run([empty])
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/^import: CSV: no header line/m)
    expect(await rows()).toHaveLength(7)
  })
})
