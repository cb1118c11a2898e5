import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:3000 with the embedded database in ./data', () => {
    expect(loadConfig({})).toEqual({ port: 3000, host: '127.0.0.1', dataDir: './data', databaseUrl: null, logLevel: 'info', demoData: true })
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

  it('seeds demo data by default on the embedded driver only', () => {
    expect(loadConfig({}).demoData).toBe(true)
    expect(loadConfig({ DATABASE_URL: 'postgres://root@127.0.0.1:5432/test' }).demoData).toBe(false)
    expect(loadConfig({ DATABASE_URL: 'postgres://root@127.0.0.1:5432/test', DEMO_DATA: 'on' }).demoData).toBe(true)
  })

  it('names DEMO_DATA when it is not on or off', () => {
    expect(() => loadConfig({ DEMO_DATA: 'yes' })).toThrow('DEMO_DATA must be on or off, got "yes"')
  })
})
