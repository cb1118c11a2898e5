import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:3000 with the embedded database in ./data', () => {
    expect(loadConfig({})).toEqual({ port: 3000, host: '127.0.0.1', dataDir: './data', databaseUrl: null, logLevel: 'info', demoData: true, embedOrigins: [], corsOrigins: [], rateLimitPerMin: 1200, authMode: false, trustProxy: false, metricsToken: null, exchangeKeyFile: null, exchangePullMinutes: 0 })
  })

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true)
  })

  it('names PORT when it is not a port number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be an integer from 0 to 65535, got "eighty"/)
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError)
  })

  it('names LOG_LEVEL when it is unknown', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of/)
  })

  it('names DATABASE_URL when it is not a postgres URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x@y/z' })).toThrow(/DATABASE_URL must start with postgres/)
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/)
  })

  it('uses the server driver when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://root@127.0.0.1:5432/test' }).databaseUrl).toBe('postgres://root@127.0.0.1:5432/test')
  })

  it('reads EMBED_ORIGINS as a list of origins', () => {
    expect(loadConfig({ EMBED_ORIGINS: 'https://intranet.example.org, http://localhost:8080/' }).embedOrigins).toEqual(['https://intranet.example.org', 'http://localhost:8080'])
  })

  it('names EMBED_ORIGINS when an entry is not an origin', () => {
    expect(() => loadConfig({ EMBED_ORIGINS: 'https://a.example.org/path' })).toThrow(/EMBED_ORIGINS must be comma-separated origins.*"https:\/\/a.example.org\/path"/)
    expect(() => loadConfig({ EMBED_ORIGINS: '*' })).toThrow(/EMBED_ORIGINS/)
    expect(() => loadConfig({ EMBED_ORIGINS: "https://a.org 'unsafe-inline'" })).toThrow(ConfigError)
  })

  it('reads CORS_ORIGINS as a list of origins, and names it when an entry is not one', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://intranet.example.org,http://localhost:5173' }).corsOrigins).toEqual(['https://intranet.example.org', 'http://localhost:5173'])
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS must be comma-separated origins.*"\*"/)
  })

  it('reads RATE_LIMIT_PER_MIN, 0 meaning no limit, and names it when it is not a whole number', () => {
    expect(loadConfig({ RATE_LIMIT_PER_MIN: '60' }).rateLimitPerMin).toBe(60)
    expect(loadConfig({ RATE_LIMIT_PER_MIN: '0' }).rateLimitPerMin).toBe(0)
    expect(() => loadConfig({ RATE_LIMIT_PER_MIN: '-1' })).toThrow(/RATE_LIMIT_PER_MIN must be a whole number of requests \(0 = no limit\), got "-1"/)
    expect(() => loadConfig({ RATE_LIMIT_PER_MIN: 'lots' })).toThrow(ConfigError)
  })

  it('runs without authentication on loopback addresses', () => {
    for (const host of ['127.0.0.1', '::1', 'localhost']) expect(loadConfig({ HOST: host }).host).toBe(host)
  })

  it('refuses any other HOST without authentication, naming AUTH=on', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(
      'HOST is 0.0.0.0: refusing to listen beyond this machine without authentication; set AUTH=on (and add users with npm run users), or bind HOST=127.0.0.1',
    )
    expect(() => loadConfig({ HOST: '192.168.1.20', AUTH: 'off' })).toThrow(/HOST is 192\.168\.1\.20: refusing to listen/)
  })

  it('listens on another HOST when AUTH=on, and takes only on or off', () => {
    expect(loadConfig({ HOST: '0.0.0.0', AUTH: 'on' })).toMatchObject({ host: '0.0.0.0', authMode: true })
    expect(loadConfig({ AUTH: 'ON' }).authMode).toBe(true)
    expect(() => loadConfig({ AUTH: 'yes' })).toThrow('AUTH must be on or off, got "yes"')
  })

  it('believes no proxy unless TRUST_PROXY names it: a hop count or addresses and CIDRs', () => {
    expect(loadConfig({}).trustProxy).toBe(false)
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false)
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1)
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,::1' }).trustProxy).toBe('10.0.0.1,10.1.0.0/16,::1')
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.local' })).toThrow('TRUST_PROXY must be off, a hop count, or comma-separated proxy addresses or CIDRs like 10.0.0.1,10.1.0.0/16, got "proxy.local"')
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/40' })).toThrow(/TRUST_PROXY must be/)
  })

  it('reads the exchange key file and pull interval, naming EXCHANGE_PULL_MINUTES when it is wrong', () => {
    expect(loadConfig({ EXCHANGE_KEY_FILE: '/etc/sahel/key.pem', EXCHANGE_PULL_MINUTES: '15' })).toMatchObject({ exchangeKeyFile: '/etc/sahel/key.pem', exchangePullMinutes: 15 })
    expect(() => loadConfig({ EXCHANGE_PULL_MINUTES: 'hourly' })).toThrow('EXCHANGE_PULL_MINUTES must be a whole number of minutes from 0 (never) to 10080, got "hourly"')
  })

  it('reads METRICS_TOKEN, and names it when it is too short to be a secret', () => {
    expect(loadConfig({ METRICS_TOKEN: ' 0123456789abcdef01234567 ' }).metricsToken).toBe('0123456789abcdef01234567')
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow('METRICS_TOKEN must be at least 24 characters (a random secret), got 5')
  })
})
