// The `npm run users` command (scripts/users.ts) without the process around it: arguments in,
// text out through io, an exit code back (0, or 2 for a bad argument, naming it). The script
// wires it to argv, stdin and stdout; tests call it in-process on a database they hold open.
import { parseArgs } from 'node:util'
import { MEMBER_STATES, ROLES, type Role } from '../../shared/access.ts'
import { hashPassword, newToken, tokenHash } from '../auth/secrets.ts'
import { ConfigError } from '../config.ts'
import type { Db } from '../db/types.ts'
import { audit } from '../repos/audit.ts'
import { agencyByName, insertAgency, insertToken, insertUser, listAgencies, listUsers, revokeToken, updateUser, userByName, type Agency } from '../repos/auth.ts'
import { MIN_PASSWORD_LENGTH } from '../routes/admin.ts'

const USAGE = `usage: npm run users -- COMMAND
  agency add --name NAME --state ISO3       an agency of a member state (${MEMBER_STATES.join(', ')})
  agency list
  user add --username NAME --agency NAME|ID --role ${ROLES.join('|')}
           [--password-stdin] [--expires YYYY-MM-DD]
                                            without --password-stdin: API tokens only, no web sign-in
  user list
  user revoke --username NAME               its tokens and sessions stop working
  token add --username NAME --label TEXT [--days 90]
                                            prints the token, once
  token revoke --id N`

/** The options each command takes; any other is refused by name. */
const COMMANDS = {
  'agency add': ['name', 'state'],
  'agency list': [],
  'user add': ['username', 'agency', 'role', 'password-stdin', 'expires'],
  'user list': [],
  'user revoke': ['username'],
  'token add': ['username', 'label', 'days'],
  'token revoke': ['id'],
} as const satisfies Record<string, readonly string[]>

/** A command with its arguments checked: everything that needs no database. */
type Command =
  | { name: 'agency add'; agencyName: string; state: string }
  | { name: 'agency list' }
  | { name: 'user add'; username: string; agency: string; role: Role; password: string | null; expiresAt: Date | null }
  | { name: 'user list' }
  | { name: 'user revoke'; username: string }
  | { name: 'token add'; username: string; label: string; days: number }
  | { name: 'token revoke'; id: number }

type Values = Record<string, string | boolean | undefined>

/** What the command reads and writes, and the database it runs on. */
export interface UsersIo {
  /** everything on stdin, to its end (read only for --password-stdin) */
  readStdin: () => Promise<string>
  /** whether stdin is a terminal: then a prompt for the password goes to stderr */
  stdinIsTTY: boolean
  /** writes to stdout and stderr, as given (lines end with "\n") */
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** Runs work on the configured database, migrated; throws ConfigError for a bad configuration. */
  withDb: (work: (db: Db) => Promise<void>) => Promise<void>
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/
const MAX_TOKEN_DAYS = 366
const DEFAULT_TOKEN_DAYS = 90
/** This script's audit entries name no user: the operator of the machine ran it. */
const OPERATOR = { kind: 'local' } as const
const VIA = { via: 'npm run users' }

/** A bad argument: exit 2 with its message. */
class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message)
}

function required(values: Values, name: string): string {
  const value = values[name]
  if (typeof value !== 'string' || value.trim() === '') fail(`--${name} is required`)
  return value.trim()
}

function username(values: Values): string {
  const name = required(values, 'username')
  if (!USERNAME.test(name)) fail(`--username must be 2 to 64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit, got "${name}"`)
  return name
}

/** A future instant from YYYY-MM-DD (its midnight UTC) or an ISO 8601 date-time. */
function futureDate(text: string): Date {
  const date = new Date(text)
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text)
  if (Number.isNaN(date.getTime()) || (dateOnly && date.toISOString().slice(0, 10) !== text)) fail(`--expires must be a date YYYY-MM-DD or an ISO 8601 date-time, got "${text}"`)
  if (date.getTime() <= Date.now()) fail(`--expires must be in the future, got ${text}`)
  return date
}

/** A whole number from min to max, or a UsageError naming the option. */
function wholeNumber(name: string, text: string, min: number, max: number): number {
  const n = /^\d+$/.test(text) ? Number(text) : NaN
  if (!(n >= min && n <= max)) fail(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`)
  return n
}

async function readPassword(io: UsersIo): Promise<string> {
  if (io.stdinIsTTY) io.stderr('password, then Enter and Ctrl-D: ')
  const text = await io.readStdin()
  // the line break that ends the input is not part of the password
  const password = text.replace(/\r?\n$/, '')
  if (password.length < MIN_PASSWORD_LENGTH) fail(`--password-stdin: the password must be at least ${MIN_PASSWORD_LENGTH} characters, got ${password.length}`)
  return password
}

/** Node's parseArgs errors in this script's words. */
function argsError(err: Error & { code?: string }): never {
  const option = /'(--?[a-z-]+)/i.exec(err.message)?.[1]
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) fail(`unknown option ${option}`)
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) fail(/does not take/.test(err.message) ? `${option} takes no value` : `${option} needs a value`)
  fail(err.message)
}

/** The command line, checked before the database is opened (and the password read from stdin); null for --help. */
async function parse(argv: string[], io: UsersIo): Promise<Command | null> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        state: { type: 'string' },
        username: { type: 'string' },
        agency: { type: 'string' },
        role: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        // declared to refuse it with the reason, not as an unknown option
        password: { type: 'string' },
        expires: { type: 'string' },
        label: { type: 'string' },
        days: { type: 'string' },
        id: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (err) {
    argsError(err as Error)
  }
  const { values, positionals } = parsed
  if (values.help) return null
  if (values.password !== undefined) fail('--password: a password is never taken from the command line (shell history, process list); pipe it in with --password-stdin')
  const name = positionals.join(' ')
  if (!(name in COMMANDS)) fail(positionals.length === 0 ? 'give a command' : `unknown command "${name}"`)
  const command = name as keyof typeof COMMANDS
  const allowed: readonly string[] = COMMANDS[command]
  for (const option of Object.keys(values)) {
    if (!allowed.includes(option)) fail(`--${option} does not apply to ${command}`)
  }

  switch (command) {
    case 'agency add': {
      const agencyName = required(values, 'name')
      if (agencyName.length < 2 || agencyName.length > 120) fail(`--name must be 2 to 120 characters, got ${agencyName.length}`)
      const state = required(values, 'state').toUpperCase()
      if (!(MEMBER_STATES as readonly string[]).includes(state)) fail(`--state must be a member state (${MEMBER_STATES.join(', ')}), got "${values.state}"`)
      return { name: command, agencyName, state }
    }
    case 'user add': {
      const user = username(values)
      const agency = required(values, 'agency')
      const role = required(values, 'role') as Role
      if (!ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(', ')}, got "${values.role}"`)
      const expiresAt = values.expires === undefined ? null : futureDate(required(values, 'expires'))
      const password = values['password-stdin'] ? await readPassword(io) : null
      return { name: command, username: user, agency, role, password, expiresAt }
    }
    case 'user revoke':
      return { name: command, username: username(values) }
    case 'token add': {
      const label = required(values, 'label')
      if (label.length > 100) fail(`--label must be at most 100 characters, got ${label.length}`)
      const days = values.days === undefined ? DEFAULT_TOKEN_DAYS : wholeNumber('days', required(values, 'days'), 1, MAX_TOKEN_DAYS)
      return { name: command, username: username(values), label, days }
    }
    case 'token revoke': {
      const id = required(values, 'id')
      if (!/^[1-9]\d{0,14}$/.test(id)) fail(`--id must be a token id (a positive whole number), got "${id}"`)
      return { name: command, id: Number(id) }
    }
    default:
      return { name: command }
  }
}

async function agencyOf(db: Db, ref: string): Promise<Agency> {
  if (/^\d+$/.test(ref)) return (await listAgencies(db)).find((a) => a.id === Number(ref)) ?? fail(`--agency: no agency with id ${ref} (see npm run users -- agency list)`)
  return (await agencyByName(db, ref)) ?? fail(`--agency: no agency named "${ref}" (see npm run users -- agency list)`)
}

/** Rows as aligned columns under a header; null as "-". */
function table(header: string[], rows: (string | number | null)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (c === null ? '-' : String(c))))]
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)))
  return cells.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n')
}

const day = (iso: string | null) => (iso === null ? null : iso.slice(0, 10))

async function run(db: Db, command: Command, io: UsersIo): Promise<void> {
  switch (command.name) {
    case 'agency add': {
      if (await agencyByName(db, command.agencyName)) fail(`--name: an agency named "${command.agencyName}" exists`)
      const agency = await insertAgency(db, command.agencyName, command.state)
      await audit(db, OPERATOR, 'agency.create', `agency:${agency.id}`, { name: agency.name, state: agency.state, ...VIA })
      io.stdout(`agency ${agency.id}: ${agency.name} (${agency.state})\n`)
      return
    }
    case 'agency list':
      io.stdout(`${table(['id', 'name', 'state'], (await listAgencies(db)).map((a) => [a.id, a.name, a.state]))}\n`)
      return
    case 'user add': {
      const agency = await agencyOf(db, command.agency)
      if (await userByName(db, command.username)) fail(`--username: a user named "${command.username}" exists`)
      const passwordHash = command.password === null ? null : await hashPassword(command.password)
      const user = await insertUser(db, { agencyId: agency.id, username: command.username, role: command.role, passwordHash, expiresAt: command.expiresAt })
      await audit(db, OPERATOR, 'user.create', `user:${user.id}`, { username: user.username, role: user.role, agency_id: agency.id, ...VIA })
      const signIn = passwordHash ? 'signs in with its password' : 'no password: API tokens only'
      io.stdout(`user ${user.id}: ${user.username}, ${user.role} of ${user.agency_name}, expires ${day(user.expires_at) ?? 'never'}; ${signIn}\n`)
      return
    }
    case 'user list': {
      const users = await listUsers(db, null)
      io.stdout(`${table(['id', 'username', 'role', 'agency', 'state', 'expires', 'revoked'], users.map((u) => [u.id, u.username, u.role, u.agency_name, u.state, day(u.expires_at), day(u.revoked_at)]))}\n`)
      return
    }
    case 'user revoke': {
      const user = (await userByName(db, command.username)) ?? fail(`--username: no user named "${command.username}"`)
      await updateUser(db, user.id, null, { revoked: true })
      await audit(db, OPERATOR, 'user.update', `user:${user.id}`, { revoked: true, ...VIA })
      io.stdout(`user ${user.id}: ${user.username} revoked; its tokens and sessions no longer work\n`)
      return
    }
    case 'token add': {
      const user = (await userByName(db, command.username)) ?? fail(`--username: no user named "${command.username}"`)
      if (user.revoked_at !== null) fail(`--username: user "${user.username}" is revoked`)
      if (user.expires_at !== null && new Date(user.expires_at).getTime() <= Date.now()) fail(`--username: user "${user.username}" expired at ${user.expires_at}`)
      const token = newToken('api')
      const stored = await insertToken(db, user.id, 'api', tokenHash(token), command.label, new Date(Date.now() + command.days * 86_400_000))
      await audit(db, OPERATOR, 'token.create', `token:${stored.id}`, { user_id: user.id, label: command.label, days: command.days, ...VIA })
      io.stderr(`token ${stored.id} of ${user.username} ("${command.label}"), expires ${stored.expires_at}; shown this once, only its hash is kept:\n`)
      io.stdout(`${token}\n`)
      return
    }
    case 'token revoke': {
      if (!(await revokeToken(db, command.id, null))) fail(`--id: no live token with id ${command.id}`)
      await audit(db, OPERATOR, 'token.revoke', `token:${command.id}`, VIA)
      io.stdout(`token ${command.id} revoked\n`)
      return
    }
  }
}

/** Runs `npm run users` with argv (without the node and script paths); resolves with the exit code. */
export async function usersCli(argv: string[], io: UsersIo): Promise<number> {
  let parsed: Command | null
  try {
    parsed = await parse(argv, io)
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    io.stderr(`users: ${err.message}\n${USAGE}\n`)
    return 2
  }
  if (parsed === null) {
    io.stdout(`${USAGE}\n`)
    return 0
  }
  const command = parsed
  try {
    await io.withDb((db) => run(db, command, io))
    return 0
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr(`configuration error: ${err.message}\n`)
      return 2
    }
    if (!(err instanceof UsageError)) throw err
    io.stderr(`users: ${err.message}\n`)
    return 2
  }
}
