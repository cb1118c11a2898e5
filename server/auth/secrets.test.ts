import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hashPassword, newToken, signEmbedToken, tokenHash, TOKEN_PREFIX, verifyEmbedToken, verifyPassword } from './secrets.ts'

const KEY = 'a'.repeat(64)
const NOW_S = 1_800_000_000

describe('passwords', () => {
  it('verifies the password a hash was made from, in the scrypt$N$r$p$salt$key form', async () => {
    const hash = await hashPassword('correct horse battery')
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/)
    expect(await verifyPassword('correct horse battery', hash)).toBe(true)
  })

  it('refuses a wrong password', async () => {
    const hash = await hashPassword('correct horse battery')
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false)
    expect(await verifyPassword('', hash)).toBe(false)
  })

  it('salts each hash, so one password hashes differently twice', async () => {
    expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'))
  })

  it('answers false, not an error, for a malformed stored hash', async () => {
    for (const stored of ['', 'plain text', 'bcrypt$10$x$y$z$w', 'scrypt$32768$8$1$$', 'scrypt$32768$8$1$c2FsdA', 'scrypt$32768$8$1$c2FsdA$']) {
      expect(await verifyPassword('anything at all', stored), stored).toBe(false)
    }
  })

  it('answers false, not an error, for a stored hash with unusable cost parameters', async () => {
    // N not a number, N not a power of two, N beyond the memory cap
    for (const stored of ['scrypt$abc$8$1$c2FsdA$a2V5', 'scrypt$3$8$1$c2FsdA$a2V5', 'scrypt$1073741824$8$1$c2FsdA$a2V5']) {
      await expect(verifyPassword('anything at all', stored), stored).resolves.toBe(false)
    }
  })
})

describe('tokens', () => {
  it('makes API tokens and sessions with their prefix and 32 random bytes', () => {
    const api = newToken('api')
    const session = newToken('session')
    expect(api).toMatch(/^srt_[A-Za-z0-9_-]{43}$/)
    expect(session).toMatch(/^srs_[A-Za-z0-9_-]{43}$/)
    expect(newToken('api')).not.toBe(api)
  })

  it('stores a token as its stable SHA-256 in hex', () => {
    expect(tokenHash('srt_example')).toBe(tokenHash('srt_example'))
    expect(tokenHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(tokenHash('srt_example')).not.toBe(tokenHash('srt_examplf'))
  })
})

describe('embed tokens', () => {
  const claims = { view: 'AbCdEf123_', exp: NOW_S + 3600 }

  it('verifies a token it signed and returns its claims', () => {
    const token = signEmbedToken(claims, KEY)
    expect(token.startsWith(TOKEN_PREFIX.embed)).toBe(true)
    expect(verifyEmbedToken(token, KEY, NOW_S)).toEqual(claims)
  })

  it('refuses a token whose expiry has passed, and one expiring this very second', () => {
    const token = signEmbedToken(claims, KEY)
    expect(verifyEmbedToken(token, KEY, claims.exp + 1)).toBeNull()
    expect(verifyEmbedToken(token, KEY, claims.exp)).toBeNull()
    expect(verifyEmbedToken(token, KEY, claims.exp - 1)).toEqual(claims)
  })

  it('refuses a token whose body was changed to open another view', () => {
    const token = signEmbedToken(claims, KEY)
    const signature = token.split('.')[1]
    const otherBody = Buffer.from(JSON.stringify({ view: 'OtherView1', exp: claims.exp })).toString('base64url')
    expect(verifyEmbedToken(`${TOKEN_PREFIX.embed}${otherBody}.${signature}`, KEY, NOW_S)).toBeNull()
    const longer = Buffer.from(JSON.stringify({ view: claims.view, exp: claims.exp + 86_400 * 365 })).toString('base64url')
    expect(verifyEmbedToken(`${TOKEN_PREFIX.embed}${longer}.${signature}`, KEY, NOW_S)).toBeNull()
  })

  it('refuses a token whose signature was changed', () => {
    const token = signEmbedToken(claims, KEY)
    const [body, signature] = token.split('.')
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1)
    expect(verifyEmbedToken(`${body}.${flipped}`, KEY, NOW_S)).toBeNull()
    expect(verifyEmbedToken(`${body}.${signature.slice(0, -2)}`, KEY, NOW_S)).toBeNull()
    expect(verifyEmbedToken(body, KEY, NOW_S)).toBeNull()
    expect(verifyEmbedToken(`${token}.extra`, KEY, NOW_S)).toBeNull()
  })

  it('refuses a token signed with another key', () => {
    expect(verifyEmbedToken(signEmbedToken(claims, 'b'.repeat(64)), KEY, NOW_S)).toBeNull()
  })

  it('refuses a well-signed token without the emb_ prefix', () => {
    const unprefixed = signEmbedToken(claims, KEY).slice(TOKEN_PREFIX.embed.length)
    expect(verifyEmbedToken(unprefixed, KEY, NOW_S)).toBeNull()
    expect(verifyEmbedToken(`${TOKEN_PREFIX.api}${unprefixed}`, KEY, NOW_S)).toBeNull()
  })

  it('refuses a well-signed body that is not the claims', () => {
    for (const payload of ['not json', JSON.stringify({ view: 7, exp: NOW_S + 60 }), JSON.stringify({ view: 'v', exp: String(NOW_S + 60) }), JSON.stringify({ exp: NOW_S + 60 })]) {
      const body = Buffer.from(payload).toString('base64url')
      const token = `${TOKEN_PREFIX.embed}${body}.${hmac(body)}`
      expect(verifyEmbedToken(token, KEY, NOW_S), payload).toBeNull()
    }
  })
})

function hmac(body: string): string {
  // the same construction as signEmbedToken: HMAC-SHA256 of the base64url body
  return createHmac('sha256', KEY).update(body).digest('base64url')
}
