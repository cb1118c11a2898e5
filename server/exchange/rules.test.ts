import { describe, expect, it } from 'vitest'
import { BundleError, checkHeader, parseHeader, receivable, sendable, type BundleHeader } from './rules.ts'

const MALI = { instanceId: '22222222-2222-4222-8222-222222222222', state: 'MLI', levels: ['bilateral', 'regional', 'public'] }
const CHAD_PUBLIC = { instanceId: '33333333-3333-4333-8333-333333333333', state: 'TCD', levels: ['public'] }
const NIGER = '11111111-1111-4111-8111-111111111111'
const rec = (sharing: 'national' | 'bilateral' | 'regional' | 'public', partners: string[] = [], originInstance: string | null = null) => ({ sharing, partners, originState: 'NER', originInstance })

describe('sendable', () => {
  it('never sends a national record, whatever the partner may receive', () => {
    expect(sendable(rec('national'), MALI)).toBe(false)
  })

  it('sends a bilateral record only to a state it names', () => {
    expect(sendable(rec('bilateral', ['MLI']), MALI)).toBe(true)
    expect(sendable(rec('bilateral', ['MLI']), { ...CHAD_PUBLIC, levels: ['bilateral', 'regional', 'public'] })).toBe(false)
  })

  it('sends only the levels a partner is registered for', () => {
    expect(sendable(rec('regional'), CHAD_PUBLIC)).toBe(false)
    expect(sendable(rec('public'), CHAD_PUBLIC)).toBe(true)
  })

  it('never sends a record back to the instance it came from', () => {
    expect(sendable(rec('public', [], MALI.instanceId), MALI)).toBe(false)
    expect(sendable(rec('public', [], NIGER), MALI)).toBe(true)
  })
})

describe('receivable', () => {
  it('accepts regional and public records and bilateral ones naming this state', () => {
    expect(receivable(rec('regional'), 'TCD')).toBe(true)
    expect(receivable(rec('bilateral', ['MLI']), 'MLI')).toBe(true)
    expect(receivable(rec('bilateral', ['MLI']), 'TCD')).toBe(false)
    expect(receivable(rec('national'), 'MLI')).toBe(false)
  })
})

const header = (over: Partial<BundleHeader> = {}): BundleHeader => ({
  format: 'sahel-exchange/1',
  bundle_id: '44444444-4444-4444-8444-444444444444',
  from: { instance_id: NIGER, state: 'NER', agency: 'Niger border police' },
  to: { instance_id: MALI.instanceId, state: 'MLI', partner: 'mali' },
  created: '2026-01-01T00:00:00.000Z',
  expires: '2026-01-31T00:00:00.000Z',
  sequence: 5,
  cursor: 120,
  since: null,
  after_cursor: 0,
  counts: {},
  payload_sha256: 'a'.repeat(64),
  ...over,
})

describe('checkHeader', () => {
  const now = new Date('2026-01-10T00:00:00Z')

  it('accepts a bundle addressed here, unexpired, newer than the last merged', () => {
    expect(() => checkHeader(header(), { instanceId: MALI.instanceId }, 4, now)).not.toThrow()
  })

  it('refuses a bundle for another instance with 422', () => {
    expect(() => checkHeader(header(), { instanceId: CHAD_PUBLIC.instanceId }, 0, now)).toThrow(/addressed to instance 22222222/)
  })

  it('refuses an expired bundle with 422', () => {
    const err = (() => {
      try {
        checkHeader(header(), { instanceId: MALI.instanceId }, 0, new Date('2026-02-01T00:00:00Z'))
      } catch (e) {
        return e as BundleError
      }
    })()
    expect(err?.statusCode).toBe(422)
    expect(err?.message).toBe('bundle expired at 2026-01-31T00:00:00.000Z')
  })

  it('refuses a sequence at or below the last merged with 409', () => {
    expect(() => checkHeader(header(), { instanceId: MALI.instanceId }, 5, now)).toThrow(/sequence 5, but sequence 5 from this partner was already merged/)
  })
})

describe('parseHeader', () => {
  it('names the field that is wrong', () => {
    expect(() => parseHeader({ ...header(), sequence: 0 })).toThrow('bundle header: sequence must be a positive integer')
    expect(() => parseHeader({ ...header(), format: 'x' })).toThrow('bundle header: format must be sahel-exchange/1, got "x"')
    expect(parseHeader(header()).cursor).toBe(120)
  })
})
