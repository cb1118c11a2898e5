import { describe, expect, it } from 'vitest'
import { dbScopeOf, mayDo, ownerParams, permissionsOf, recordOwner, ROLES, scopeKey, secretariatOwner, SharingError, type Role, type UserViewer, type Viewer } from './access.ts'

/** A user of the Niger agency (id 7) with a role. */
const user = (role: Role, over: Partial<UserViewer> = {}): UserViewer => ({
  kind: 'user',
  userId: 3,
  username: `${role}.ner`,
  role,
  agencyId: 7,
  agencyName: 'Niger border police',
  state: 'NER',
  tokenId: 11,
  credential: 'api',
  ...over,
})

const embed: Viewer = { kind: 'embed', viewId: 'AbCdEf123_', planId: null }

describe('permissions', () => {
  it('lets a viewer read, export and share, and nothing else', () => {
    expect(permissionsOf(user('viewer'))).toEqual(['read', 'export', 'share'])
    for (const p of ['import', 'plan', 'edit-routes', 'admin'] as const) expect(mayDo(user('viewer'), p), p).toBe(false)
  })

  it('lets an analyst import and edit routes, but not plan or administer', () => {
    expect(mayDo(user('analyst'), 'import')).toBe(true)
    expect(mayDo(user('analyst'), 'edit-routes')).toBe(true)
    expect(mayDo(user('analyst'), 'plan')).toBe(false)
    expect(mayDo(user('analyst'), 'admin')).toBe(false)
  })

  it('lets a planner plan, but not import, edit routes or administer', () => {
    expect(mayDo(user('planner'), 'plan')).toBe(true)
    expect(mayDo(user('planner'), 'import')).toBe(false)
    expect(mayDo(user('planner'), 'edit-routes')).toBe(false)
    expect(mayDo(user('planner'), 'admin')).toBe(false)
  })

  it('lets an admin do everything', () => {
    expect(permissionsOf(user('admin'))).toEqual(['read', 'export', 'share', 'import', 'edit-routes', 'plan', 'admin'])
  })

  it('gives every role read, export and share', () => {
    for (const role of ROLES) expect(permissionsOf(user(role)).slice(0, 3), role).toEqual(['read', 'export', 'share'])
  })

  it('gives the local analyst of AUTH=off every permission, and embeds and anonymous readers none', () => {
    expect(permissionsOf({ kind: 'local' })).toHaveLength(7)
    expect(permissionsOf(embed)).toEqual([])
    expect(permissionsOf({ kind: 'anonymous' })).toEqual([])
  })
})

describe('database scope', () => {
  it('scopes a user to its agency and state, an embed or anonymous reader to public rows, and the local analyst to nothing', () => {
    expect(dbScopeOf(user('viewer'))).toEqual({ scope: 'member', agencyId: 7, state: 'NER' })
    expect(dbScopeOf(user('admin', { agencyId: 1, state: null }))).toEqual({ scope: 'member', agencyId: 1, state: null })
    expect(dbScopeOf(embed)).toEqual({ scope: 'public' })
    expect(dbScopeOf({ kind: 'anonymous' })).toEqual({ scope: 'public' })
    expect(dbScopeOf({ kind: 'local' })).toBeNull()
  })

  it('keys caches by agency for members, one key for public readers and one for AUTH=off', () => {
    expect(scopeKey({ scope: 'member', agencyId: 7, state: 'NER' })).toBe('agency-7')
    expect(scopeKey({ scope: 'member', agencyId: 1, state: null })).toBe('agency-1')
    expect(scopeKey({ scope: 'public' })).toBe('public')
    expect(scopeKey(null)).toBe('all')
  })
})

describe('recordOwner', () => {
  it('stamps a user\'s agency and state on what it writes, with no partners below bilateral', () => {
    for (const sharing of ['national', 'regional', 'public'] as const) {
      expect(recordOwner(user('analyst'), sharing)).toEqual({ agencyId: 7, state: 'NER', sharing, partners: [] })
    }
  })

  it('gives what the local analyst writes to the secretariat', () => {
    expect(recordOwner({ kind: 'local' }, 'regional')).toEqual({ agencyId: 1, state: null, sharing: 'regional', partners: [] })
    expect(secretariatOwner()).toEqual({ agencyId: 1, state: null, sharing: 'regional', partners: [] })
  })

  it('normalizes bilateral partners: upper case, trimmed, unique, sorted, own state left out', () => {
    expect(recordOwner(user('analyst'), 'bilateral', [' tcd', 'LBY', 'TCD', 'NER', ''])).toEqual({ agencyId: 7, state: 'NER', sharing: 'bilateral', partners: ['LBY', 'TCD'] })
  })

  it('refuses bilateral sharing without a partner other than the own state', () => {
    for (const partners of [[], ['NER'], ['ner', ' ']]) {
      expect(() => recordOwner(user('analyst'), 'bilateral', partners), JSON.stringify(partners)).toThrow('bilateral sharing needs at least one partner state other than your own')
    }
  })

  it('refuses partners that are not member states, naming the field and the code', () => {
    const attempt = () => recordOwner(user('analyst'), 'bilateral', ['TCD', 'FRA'])
    expect(attempt).toThrow(SharingError)
    expect(attempt).toThrow('partners must be member states (MAR, DZA, TUN, LBY, EGY, MRT, MLI, NER, TCD, SDN), got "FRA"')
    try {
      attempt()
    } catch (err) {
      expect((err as SharingError).field).toBe('partners')
    }
  })

  it('refuses partners on a level other than bilateral', () => {
    expect(() => recordOwner(user('analyst'), 'regional', ['TCD'])).toThrow('partners apply to bilateral sharing only, not regional')
    expect(() => recordOwner(user('analyst'), 'national', ['TCD'])).toThrow('partners apply to bilateral sharing only, not national')
  })

  it('lets the secretariat, of no state, share bilaterally with any member state', () => {
    expect(recordOwner(user('analyst', { agencyId: 1, state: null }), 'bilateral', ['NER'])).toMatchObject({ agencyId: 1, state: null, partners: ['NER'] })
  })

  it('gives the owner as SQL parameters in insert order', () => {
    expect(ownerParams({ agencyId: 7, state: 'NER', sharing: 'bilateral', partners: ['TCD'] })).toEqual([7, 'NER', 'bilateral', ['TCD']])
  })
})
