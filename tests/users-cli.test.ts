// npm run users (scripts/users.ts) bootstrapping access on a fresh embedded database: agencies,
// users and tokens from the command line, exact refusals with exit code 2, and a token it prints
// that then signs requests to the service started on the same data folder. A few commands run as
// the real script in a child process (the first on the fresh folder, which it migrates; a refusal;
// a password piped to stdin); the rest call the same command (server/auth/users-cli.ts) in this
// process on the folder held open, as a child costs a PGlite start of several seconds each.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../server/app.ts'
import { usersCli } from '../server/auth/users-cli.ts'
import { migrate } from '../server/db/migrate.ts'
import { openPgliteDb } from '../server/db/pglite.ts'
import type { Db } from '../server/db/types.ts'
import { startApp } from '../server/start.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const PASSWORD = 'a long passphrase for the admin'
/** each command opens PGlite and checks migrations: several seconds on a busy machine */
const SLOW = 180_000

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

describe('npm run users on a fresh embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sahel-users-cli-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  /** Runs the script in a child process with args, stdin piped in, on dataDir (never DATABASE_URL). */
  function usersChild(args: string[], stdin = ''): Promise<Run> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/users.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdin.end(stdin)
    return new Promise((resolve, reject) => {
      child.once('error', reject)
      child.once('close', (code) => resolve({ code, stdout, stderr }))
    })
  }

  /** The database held open for the in-process runs (null while child processes may open it). */
  let db: Db | null = null
  /** How many in-process runs opened the database. */
  let opened = 0

  /** Runs the command in this process with args and stdin, on the database held open. */
  async function users(args: string[], stdin = ''): Promise<Run> {
    let stdout = ''
    let stderr = ''
    const code = await usersCli(args, {
      readStdin: async () => stdin,
      stdinIsTTY: false,
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      withDb: async (work) => {
        if (!db) throw new Error('no database held open')
        opened++
        await work(db)
      },
    })
    return { code, stdout, stderr }
  }

  /** A run that must succeed; its stdout. */
  async function ok(args: string[], stdin = ''): Promise<string> {
    const res = await users(args, stdin)
    expect(res.code, res.stderr).toBe(0)
    return res.stdout
  }

  /** The first line of stderr of a run that must exit 2. */
  async function refused(args: string[], stdin = ''): Promise<string> {
    const res = await users(args, stdin)
    expect(res.code, `${args.join(' ')}: ${res.stdout}${res.stderr}`).toBe(2)
    expect(res.stdout).toBe('')
    return res.stderr.split('\n')[0]
  }

  /** The first line of stderr of a run refused with exit 2 before it opened the database. */
  async function refusedEarly(args: string[], stdin = ''): Promise<string> {
    const before = opened
    const message = await refused(args, stdin)
    expect(opened, `${args.join(' ')} opened the database`).toBe(before)
    return message
  }

  let token = ''
  let revokedUserToken = ''
  let revokedTokenId = 0
  let revokedToken = ''

  describe('as the script in a child process', () => {
    it('adds an agency of a member state to a fresh data folder, which it migrates', { timeout: SLOW }, async () => {
      const res = await usersChild(['agency', 'add', '--name', 'Niger border police', '--state', 'ner'])
      expect(res.code, res.stderr).toBe(0)
      expect(res.stdout).toBe('agency 2: Niger border police (NER)\n')
    })

    it('refuses a bad argument with exit code 2, nothing on stdout, the message and the usage on stderr', { timeout: SLOW }, async () => {
      const res = await usersChild(['user', 'delete'])
      expect(res.code).toBe(2)
      expect(res.stdout).toBe('')
      expect(res.stderr.split('\n').slice(0, 2)).toEqual(['users: unknown command "user delete"', 'usage: npm run users -- COMMAND'])
    })

    it('reads the password piped to stdin, refusing one shorter than 12 characters', { timeout: SLOW }, async () => {
      const res = await usersChild(['user', 'add', '--username', 'ner.x', '--agency', '2', '--role', 'admin', '--password-stdin'], 'short pass\n')
      expect(res.code).toBe(2)
      expect(res.stdout).toBe('')
      expect(res.stderr.split('\n')[0]).toBe('users: --password-stdin: the password must be at least 12 characters, got 10')
    })
  })

  describe('in this process, on the folder held open', () => {
    beforeAll(async () => {
      db = await openPgliteDb(dataDir)
      await migrate(db)
    }, SLOW)
    afterAll(async () => {
      await db?.close()
      db = null
    })

    it('lists the agency after the secretariat', async () => {
      expect((await ok(['agency', 'list'])).split('\n')).toEqual(['id  name                  state', '1   Regional secretariat  -', '2   Niger border police   NER', ''])
    })

    it('adds an admin with a password read from stdin and an expiry, and a user by agency id without a password', async () => {
      const admin = await ok(['user', 'add', '--username', 'ner.admin', '--agency', 'Niger border police', '--role', 'admin', '--password-stdin', '--expires', '2099-01-01'], `${PASSWORD}\n`)
      expect(admin).toBe('user 1: ner.admin, admin of Niger border police, expires 2099-01-01; signs in with its password\n')
      const script = await ok(['user', 'add', '--username', 'ner.import-bot', '--agency', '2', '--role', 'analyst'])
      expect(script).toBe('user 2: ner.import-bot, analyst of Niger border police, expires never; no password: API tokens only\n')
    })

    it('lists users with their role, agency, state and expiry', async () => {
      expect((await ok(['user', 'list'])).split('\n')).toEqual([
        'id  username        role     agency               state  expires     revoked',
        '1   ner.admin       admin    Niger border police  NER    2099-01-01  -',
        '2   ner.import-bot  analyst  Niger border police  NER    -           -',
        '',
      ])
    })

    it('prints a new API token once, alone on stdout, with its id and expiry on stderr', async () => {
      const res = await users(['token', 'add', '--username', 'ner.admin', '--label', 'nightly import', '--days', '90'])
      expect(res.code, res.stderr).toBe(0)
      expect(res.stdout).toMatch(/^srt_[A-Za-z0-9_-]{43}\n$/)
      expect(res.stderr).toMatch(/^token 1 of ner\.admin \("nightly import"\), expires \d{4}-\d{2}-\d{2}T[\d:.]+Z; shown this once, only its hash is kept:\n$/)
      const expires = new Date(/expires (\S+);/.exec(res.stderr)![1]).getTime()
      expect(Math.abs(expires - (Date.now() + 90 * 86_400_000))).toBeLessThan(10 * 60_000)
      token = res.stdout.trim()
    })

    it('revokes a user and a token', async () => {
      revokedUserToken = (await ok(['token', 'add', '--username', 'ner.import-bot', '--label', 'nightly import'])).trim()
      expect(await ok(['user', 'revoke', '--username', 'ner.import-bot'])).toBe('user 2: ner.import-bot revoked; its tokens and sessions no longer work\n')
      const second = await users(['token', 'add', '--username', 'ner.admin', '--label', 'to revoke', '--days', '1'])
      expect(second.code, second.stderr).toBe(0)
      revokedToken = second.stdout.trim()
      revokedTokenId = Number(/^token (\d+) /.exec(second.stderr)![1])
      expect(await ok(['token', 'revoke', '--id', String(revokedTokenId)])).toBe(`token ${revokedTokenId} revoked\n`)
    })

    it('refuses bad arguments with exit code 2 and a message naming the argument, before opening the database', async () => {
      const cases: [string[], string][] = [
        [[], 'users: give a command'],
        [['user', 'delete'], 'users: unknown command "user delete"'],
        [['user', 'add', '--usernme', 'x'], 'users: unknown option --usernme'],
        [['agency', 'list', '--role', 'admin'], 'users: --role does not apply to agency list'],
        [['agency', 'add', '--name', 'Gendarmerie'], 'users: --state is required'],
        [['agency', 'add', '--name', 'Gendarmerie', '--state', 'FRA'], 'users: --state must be a member state (MAR, DZA, TUN, LBY, EGY, MRT, MLI, NER, TCD, SDN), got "FRA"'],
        [['user', 'add', '--username', 'Bad Name', '--agency', '2', '--role', 'admin'], 'users: --username must be 2 to 64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit, got "Bad Name"'],
        [['user', 'add', '--username', 'ner.x', '--agency', '2', '--role', 'boss'], 'users: --role must be one of viewer, analyst, planner, admin, got "boss"'],
        [['user', 'add', '--username', 'ner.x', '--agency', '2', '--role', 'admin', '--expires', '2020-01-01'], 'users: --expires must be in the future, got 2020-01-01'],
        [['user', 'add', '--username', 'ner.x', '--agency', '2', '--role', 'admin', '--expires', '2099-02-30'], 'users: --expires must be a date YYYY-MM-DD or an ISO 8601 date-time, got "2099-02-30"'],
        [['user', 'add', '--username', 'ner.x', '--agency'], 'users: --agency needs a value'],
        [['token', 'add', '--username', 'ner.admin', '--label', 'x', '--days', '0'], 'users: --days must be a whole number from 1 to 366, got "0"'],
        [['token', 'add', '--username', 'ner.admin'], 'users: --label is required'],
        [['token', 'revoke', '--id', 'abc'], 'users: --id must be a token id (a positive whole number), got "abc"'],
      ]
      for (const [args, message] of cases) expect(await refusedEarly(args), args.join(' ')).toBe(message)
    })

    it('never takes a password from the command line, and refuses one shorter than 12 characters from stdin', async () => {
      expect(await refusedEarly(['user', 'add', '--username', 'ner.x', '--agency', '2', '--role', 'admin', '--password', 'hunter2hunter2'])).toBe(
        'users: --password: a password is never taken from the command line (shell history, process list); pipe it in with --password-stdin',
      )
      expect(await refusedEarly(['user', 'add', '--username', 'ner.x', '--agency', '2', '--role', 'admin', '--password-stdin'], 'short pass\n')).toBe(
        'users: --password-stdin: the password must be at least 12 characters, got 10',
      )
    })

    it('refuses what does not exist, or exists already, naming the argument (exit 2)', async () => {
      expect(await refused(['user', 'add', '--username', 'ner.x', '--agency', 'Nope', '--role', 'admin'])).toBe('users: --agency: no agency named "Nope" (see npm run users -- agency list)')
      expect(await refused(['user', 'add', '--username', 'ner.admin', '--agency', '2', '--role', 'viewer'])).toBe('users: --username: a user named "ner.admin" exists')
      expect(await refused(['agency', 'add', '--name', 'Niger border police', '--state', 'NER'])).toBe('users: --name: an agency named "Niger border police" exists')
      expect(await refused(['token', 'add', '--username', 'ner.import-bot', '--label', 'x'])).toBe('users: --username: user "ner.import-bot" is revoked')
      expect(await refused(['token', 'revoke', '--id', String(revokedTokenId)])).toBe(`users: --id: no live token with id ${revokedTokenId}`)
    })
  })

  it('imports a file for an agency at a sharing level with npm run import', { timeout: SLOW }, async () => {
    const csv = join(dataDir, '..', `cli-import-${process.pid}.csv`)
    writeFileSync(csv, 'id,lat,lng,date,category\ncli-1,18.1,7.2,2024-01-02,drug_trafficking\n')
    try {
      const run = (args: string[]) =>
        new Promise<Run>((resolve, reject) => {
          const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', csv, ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } })
          let stdout = ''
          let stderr = ''
          child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
          child.once('error', reject)
          child.once('close', (code) => resolve({ code, stdout, stderr }))
        })
      const refusedRun = await run(['--agency', 'Niger border police', '--sharing', 'bilateral'])
      expect(refusedRun.code).toBe(2)
      expect(refusedRun.stderr).toContain('import: --partners: bilateral sharing needs at least one partner state other than your own')
      const done = await run(['--agency', 'Niger border police', '--sharing', 'bilateral', '--partners', 'mli,NER'])
      expect(done.code, done.stderr).toBe(0)
      expect(JSON.parse(done.stdout.slice(0, done.stdout.lastIndexOf('}') + 1))).toMatchObject({ inserted: 1, owner_agency: 2, sharing: 'bilateral', partners: ['MLI'] })
    } finally {
      rmSync(csv, { force: true })
    }
  })

  describe('the service started afterwards on the same folder', () => {
    let app: App
    beforeAll(async () => {
      app = await startApp({ dataDir, databaseUrl: null, authMode: true })
    })
    afterAll(async () => app?.close())

    const me = (credential: { token?: string; cookie?: string }) =>
      app.inject({ method: 'GET', url: '/api/auth/me', headers: credential.token ? { authorization: `Bearer ${credential.token}` } : { cookie: credential.cookie! } })

    it('accepts the token the script printed, as the admin of its agency', async () => {
      const res = await me({ token })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json()).toMatchObject({ mode: 'user', user: { id: 1, username: 'ner.admin', role: 'admin', agency: { id: 2, name: 'Niger border police', state: 'NER' } } })
      expect((await app.inject({ method: 'GET', url: '/api/admin/users', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200)
    })

    it('signs the admin in with the password read from stdin', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ner.admin', password: PASSWORD } })
      expect(res.statusCode, res.body).toBe(200)
      expect((await me({ cookie: String(res.headers['set-cookie']).split(';')[0] })).json().user.username).toBe('ner.admin')
    })

    it('refuses the token of the revoked user and the revoked token (401)', async () => {
      expect((await me({ token: revokedUserToken })).statusCode).toBe(401)
      expect((await me({ token: revokedToken })).statusCode).toBe(401)
    })

    it('finds in the audit log what the script did, by the local operator', async () => {
      const rows = await app.serviceDb.query<{ action: string; username: string; user_id: number | null }>("SELECT action, username, user_id FROM audit_log WHERE detail->>'via' = 'npm run users' ORDER BY id")
      expect(rows.map((r) => r.action)).toEqual(['agency.create', 'user.create', 'user.create', 'token.create', 'token.create', 'user.update', 'token.create', 'token.revoke'])
      expect(rows.every((r) => r.username === 'local' && r.user_id === null)).toBe(true)
    })
  })
})
