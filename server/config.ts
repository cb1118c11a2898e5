// The only reader of process.env. Validates once at boot and returns a frozen object, so a bad
// value stops the service with a message that names the variable.
import { isIP } from 'node:net'

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

export interface Config {
  /** TCP port for the HTTP server. */
  port: number
  /** Address to bind; 127.0.0.1 keeps a laptop install private. */
  host: string
  /** Folder of the embedded PGlite database; ignored when databaseUrl is set. */
  dataDir: string
  /** PostgreSQL + PostGIS connection string; when set the `pg` driver is used. */
  databaseUrl: string | null
  logLevel: LogLevel
  /** Seed synthetic demo incidents into an empty incidents table at boot (DEMO_DATA=on|off; default on for the embedded driver). */
  demoData: boolean
  /** Origins allowed to frame /embed pages (EMBED_ORIGINS, comma-separated; default none = same origin only). */
  embedOrigins: readonly string[]
  /** Origins allowed to call the API from a browser (CORS_ORIGINS, comma-separated; default none). */
  corsOrigins: readonly string[]
  /** Requests per minute per client address, tiles and health checks aside (RATE_LIMIT_PER_MIN; 0 = no limit). */
  rateLimitPerMin: number
  /**
   * AUTH=on: users sign in (or send API tokens) and see only what their agency may; off (the
   * default): no sign-in, one local analyst sees everything, allowed on a loopback HOST only.
   */
  authMode: boolean
  /**
   * Which reverse proxies to believe about the client address and https (TRUST_PROXY: off, a hop
   * count, or comma-separated proxy addresses/CIDRs). Needed behind a proxy for per-address rate
   * limits and for Secure session cookies.
   */
  trustProxy: false | number | string
  /** The Ed25519 private key of this instance for the exchange (EXCHANGE_KEY_FILE; default DATA_DIR/exchange-key.pem). */
  exchangeKeyFile: string | null
  /** Pull every partner with a URL this often (EXCHANGE_PULL_MINUTES; 0 = never, the default). */
  exchangePullMinutes: number
  /** Bearer token that opens GET /metrics when AUTH=on (METRICS_TOKEN, at least 24 characters; unset = /metrics for admins only, at /api/admin/metrics). */
  metricsToken: string | null
}

/** Addresses only this machine can reach: the service may run there without authentication. */
const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost']

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

/** Thrown for an invalid environment variable; the message names the variable. */
export class ConfigError extends Error {}

/** Reads and validates the service configuration from an environment map. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<Config> {
  const port = parsePort(env.PORT)
  const host = (env.HOST ?? '127.0.0.1').trim()
  if (host === '') throw new ConfigError('HOST must not be empty')
  const dataDir = (env.DATA_DIR ?? './data').trim()
  if (dataDir === '') throw new ConfigError('DATA_DIR must not be empty')
  const databaseUrl = parseDatabaseUrl(env.DATABASE_URL)
  const logLevel = (env.LOG_LEVEL ?? 'info').trim() as LogLevel
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`)
  }
  const demo = (env.DEMO_DATA ?? (databaseUrl ? 'off' : 'on')).trim().toLowerCase()
  if (demo !== 'on' && demo !== 'off') throw new ConfigError(`DEMO_DATA must be on or off, got "${env.DEMO_DATA}"`)
  const embedOrigins = parseOrigins('EMBED_ORIGINS', env.EMBED_ORIGINS)
  const corsOrigins = parseOrigins('CORS_ORIGINS', env.CORS_ORIGINS)
  const rateLimitPerMin = parseRateLimit(env.RATE_LIMIT_PER_MIN)
  const auth = (env.AUTH ?? '').trim().toLowerCase() || 'off'
  if (auth !== 'on' && auth !== 'off') throw new ConfigError(`AUTH must be on or off, got "${env.AUTH}"`)
  // without sign-in the one local analyst sees every record: only this machine may reach that
  if (!LOOPBACK_HOSTS.includes(host) && auth !== 'on') {
    throw new ConfigError(`HOST is ${host}: refusing to listen beyond this machine without authentication; set AUTH=on (and add users with npm run users), or bind HOST=127.0.0.1`)
  }
  const trustProxy = parseTrustProxy(env.TRUST_PROXY)
  const exchangeKeyFile = (env.EXCHANGE_KEY_FILE ?? '').trim() || null
  const exchangePullMinutes = parsePullMinutes(env.EXCHANGE_PULL_MINUTES)
  const metricsToken = (env.METRICS_TOKEN ?? '').trim() || null
  if (metricsToken !== null && metricsToken.length < 24) throw new ConfigError(`METRICS_TOKEN must be at least 24 characters (a random secret), got ${metricsToken.length}`)
  return Object.freeze({ port, host, dataDir, databaseUrl, logLevel, demoData: demo === 'on', embedOrigins, corsOrigins, rateLimitPerMin, authMode: auth === 'on', trustProxy, exchangeKeyFile, exchangePullMinutes, metricsToken })
}

function parsePullMinutes(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 0
  const minutes = Number(raw)
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 10_080) throw new ConfigError(`EXCHANGE_PULL_MINUTES must be a whole number of minutes from 0 (never) to 10080, got "${raw}"`)
  return minutes
}

function parseRateLimit(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 1200
  const perMin = Number(raw)
  if (!Number.isInteger(perMin) || perMin < 0) throw new ConfigError(`RATE_LIMIT_PER_MIN must be a whole number of requests (0 = no limit), got "${raw}"`)
  return perMin
}

/** Each origin exactly as a browser sends it (scheme://host[:port], no path), for CSP frame-ancestors and CORS. */
function parseOrigins(name: string, raw: string | undefined): readonly string[] {
  const items = (raw ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '')
  for (const item of items) {
    let origin: string | null = null
    try {
      const url = new URL(item)
      if (url.protocol === 'http:' || url.protocol === 'https:') origin = url.origin
    } catch {}
    if (origin !== item.replace(/\/$/, '')) {
      throw new ConfigError(`${name} must be comma-separated origins like https://intranet.example.org (scheme, host, optional port, no path), got "${item}"`)
    }
  }
  return Object.freeze(items.map((s) => s.replace(/\/$/, '')))
}

function parseTrustProxy(raw: string | undefined): false | number | string {
  const value = (raw ?? '').trim()
  if (value === '' || value.toLowerCase() === 'off') return false
  if (/^\d+$/.test(value)) return Number(value)
  const items = value.split(',').map((s) => s.trim())
  for (const item of items) {
    const [address, bits, extra] = item.split('/')
    const okBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (isIP(address) === 6 ? 128 : 32))
    if (isIP(address) === 0 || !okBits || extra !== undefined) {
      throw new ConfigError(`TRUST_PROXY must be off, a hop count, or comma-separated proxy addresses or CIDRs like 10.0.0.1,10.1.0.0/16, got "${item}"`)
    }
  }
  return items.join(',')
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 3000
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer from 0 to 65535, got "${raw}"`)
  }
  return port
}

function parseDatabaseUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL, got an unparsable value')
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//"`)
  }
  return raw
}

/** loadConfig for an entry point: a configuration error is printed and exits with code 2. */
export function loadConfigOrExit(): Readonly<Config> {
  try {
    return loadConfig()
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err
    console.error(`configuration error: ${err.message}`)
    process.exit(2)
  }
}
