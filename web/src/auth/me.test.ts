import { describe, expect, it } from 'vitest'
import { PERMISSIONS } from '../../../shared/access.ts'
import { accountLabel, embedsNeedToken, mayDo, ownState, type Me } from './me.ts'

const LOCAL: Me = { mode: 'local', permissions: [...PERMISSIONS] }
const viewer: Me = {
  mode: 'user',
  user: { id: 7, username: 'moussa', role: 'viewer', agency: { id: 3, name: 'Direction de la surveillance du territoire', state: 'NER' } },
  permissions: ['read', 'export', 'share'],
}

describe('mayDo', () => {
  it('allows everything in local mode', () => {
    expect(PERMISSIONS.filter((p) => mayDo(LOCAL, p))).toEqual([...PERMISSIONS])
  })

  it('allows a viewer to read, export and share but not to import, plan or edit routes', () => {
    expect(['import', 'plan', 'edit-routes', 'share'].map((p) => mayDo(viewer, p as never))).toEqual([false, false, false, true])
  })
})

describe('accountLabel', () => {
  it('names the user and the agency', () => {
    expect(accountLabel(viewer)).toBe('moussa · Direction de la surveillance du territoire')
  })

  it('is null in local mode', () => {
    expect(accountLabel(LOCAL)).toBeNull()
  })
})

describe('ownState', () => {
  it('is the agency state of a user, null in local mode', () => {
    expect([ownState(viewer), ownState(LOCAL)]).toEqual(['NER', null])
  })
})

describe('embedsNeedToken', () => {
  it('asks for embed tokens for a signed-in user who may share, not in local mode', () => {
    expect([embedsNeedToken(viewer), embedsNeedToken(LOCAL)]).toEqual([true, false])
    expect(embedsNeedToken({ ...viewer, permissions: ['read'] })).toBe(false)
  })
})
