import { describe, expect, it } from 'vitest'
import { isDbUnavailable } from './errors.ts'

const withCode = (message: string, code?: string) => Object.assign(new Error(message), { code })

describe('isDbUnavailable', () => {
  it('recognises a refused connection', () => {
    expect(isDbUnavailable(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true)
  })

  it('recognises a server shutting down (57P01)', () => {
    expect(isDbUnavailable(withCode('terminating connection due to administrator command', '57P01'))).toBe(true)
  })

  it('recognises a connection dropped mid-query', () => {
    expect(isDbUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true)
  })

  it('does not take a SQL error for an outage', () => {
    expect(isDbUnavailable(withCode('syntax error at or near "SELEC"', '42601'))).toBe(false)
    expect(isDbUnavailable('ECONNREFUSED')).toBe(false)
  })
})
