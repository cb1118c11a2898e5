import { describe, expect, it } from 'vitest'
import { DEFAULT_MAP_STATE } from '../../../shared/map-state.ts'
import { mapStateSearch, readMapState } from '../state/url-state.ts'
import { planIdOf, withPlanId } from './plan-url.ts'

describe('the plan id in the map state', () => {
  it('puts plan=<id> and the plan layer in the URL, and reads the id back', () => {
    const state = withPlanId(DEFAULT_MAP_STATE, 42)
    const search = mapStateSearch(state)
    expect(new URLSearchParams(search).get('plan')).toBe('42')
    expect(new URLSearchParams(search).get('layers')).toBe('routes,borders,places,plan')
    expect(planIdOf(readMapState(search).state)).toBe(42)
  })

  it('takes the plan and its layer out again', () => {
    const state = withPlanId(withPlanId(DEFAULT_MAP_STATE, 7), null)
    expect(state.plan).toBeNull()
    expect(mapStateSearch(state)).toBe(mapStateSearch(DEFAULT_MAP_STATE))
  })

  it('returns the same state when nothing changes, so the URL is not rewritten', () => {
    expect(withPlanId(DEFAULT_MAP_STATE, null)).toBe(DEFAULT_MAP_STATE)
  })

  it('ignores plan ids the plans API cannot hold', () => {
    for (const plan of ['abc', '0', '007', '99999999999']) expect(planIdOf({ ...DEFAULT_MAP_STATE, plan })).toBeNull()
  })
})
