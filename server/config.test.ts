import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:3000 with the embedded database in ./data', () => {
    expect(loadConfig({})).toEqual({ port: 3000, host: '127.0.0.1', dataDir: './data', databaseUrl: null, logLevel: 'info', demoData: true, embedOrigins: [] })
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
})
