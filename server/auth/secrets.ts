// Credentials: random API tokens and session ids (stored as SHA-256 only), scrypt password
// hashes, and HMAC-signed embed tokens. node:crypto only; comparisons in constant time.
import { createHash, createHmac, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>

/** Token prefixes say what a credential is, so logs and leaked-secret scanners can tell: API token, session, embed. */
export const TOKEN_PREFIX = { api: 'srt_', session: 'srs_', embed: 'emb_' } as const

/** A new random secret with its prefix: 32 random bytes, url-safe base64. */
export function newToken(kind: 'api' | 'session'): string {
  return `${TOKEN_PREFIX[kind]}${randomBytes(32).toString('base64url')}`
}

/** What is stored of a token: its SHA-256, hex. A random 256-bit secret needs no slow hash. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

// scrypt cost N=2^15, r=8: 32 MiB (128·N·r bytes) and some 50-100 ms a hash on one core
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 ** 2 }
const KEY_BYTES = 32

/** A password hash as `scrypt$N$r$p$salt$key` (base64url parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, KEY_BYTES, SCRYPT)
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** Whether password matches a stored hash; false for a malformed hash or unusable cost parameters. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key, extra] = stored.split('$')
  const N = Number(n)
  const R = Number(r)
  const P = Number(p)
  // only costs this module could have written: N a power of two up to 2^20, small r and p
  const sane = Number.isInteger(N) && N >= 2 && N <= 2 ** 20 && (N & (N - 1)) === 0 && Number.isInteger(R) && R >= 1 && R <= 32 && Number.isInteger(P) && P >= 1 && P <= 16
  if (scheme !== 'scrypt' || !sane || !salt || !key || extra !== undefined) return false
  const expected = Buffer.from(key, 'base64url')
  if (expected.length === 0) return false
  try {
    const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, { N, r: R, p: P, maxmem: 256 * 1024 ** 2 })
    return actual.length === expected.length && timingSafeEqual(actual, expected)
  } catch {
    return false
  }
}

/** What an embed token carries: the saved view it opens and when it stops working (Unix seconds). */
export interface EmbedClaims {
  view: string
  exp: number
}

/** `emb_<claims>.<HMAC-SHA256 of claims>`, both url-safe base64. */
export function signEmbedToken(claims: EmbedClaims, key: string): string {
  const body = Buffer.from(JSON.stringify({ view: claims.view, exp: claims.exp })).toString('base64url')
  return `${TOKEN_PREFIX.embed}${body}.${createHmac('sha256', key).update(body).digest('base64url')}`
}

/** The claims of a well-signed, unexpired embed token (nowS: Unix seconds), else null. */
export function verifyEmbedToken(token: string, key: string, nowS: number): EmbedClaims | null {
  if (!token.startsWith(TOKEN_PREFIX.embed)) return null
  const [body, signature, extra] = token.slice(TOKEN_PREFIX.embed.length).split('.')
  if (!body || !signature || extra !== undefined) return null
  const expected = createHmac('sha256', key).update(body).digest()
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<EmbedClaims>
    if (typeof claims.view !== 'string' || typeof claims.exp !== 'number' || claims.exp <= nowS) return null
    return { view: claims.view, exp: claims.exp }
  } catch {
    return null
  }
}
