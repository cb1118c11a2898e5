import { describe, expect, it } from 'vitest'
import { DEFAULT_MAP_STATE, parseMapState } from '../../../shared/map-state.ts'
import { ROUTE_GROUPS } from '../map/route-groups.ts'
import { enabledGroups, toggleOn, withEnabledGroups, withLayer, withToggle } from './legend-state.ts'

const ALL = ROUTE_GROUPS.map((g) => g.key)
const without = (...keys: string[]) => new Set(ALL.filter((k) => !keys.includes(k)))

describe('route groups in the map state', () => {
  it('shows every group by default', () => {
    expect([...enabledGroups(DEFAULT_MAP_STATE)]).toEqual(ALL)
  })

  it('writes no filter when every group is on', () => {
    expect(withEnabledGroups(DEFAULT_MAP_STATE, new Set(ALL)).filters).toMatchObject({ families: [], kinds: [] })
  })

  it('writes the families left on when a migration family is switched off', () => {
    const state = withEnabledGroups(DEFAULT_MAP_STATE, without('family:western'))
    expect(state.filters).toMatchObject({ families: ['central', 'eastern', 'atlantic', 'sahara'], kinds: [] })
  })

  it('writes the kinds left on when a corridor kind is switched off', () => {
    const state = withEnabledGroups(DEFAULT_MAP_STATE, without('kind:fuel'))
    expect(state.filters).toMatchObject({ families: [], kinds: ['migration', 'drugs', 'arms', 'goods', 'gold'] })
  })

  it('leaves migration out of the kinds when every family is off', () => {
    const state = withEnabledGroups(DEFAULT_MAP_STATE, new Set(['kind:drugs', 'kind:arms']))
    expect(state.filters).toMatchObject({ families: [], kinds: ['drugs', 'arms'] })
  })

  it('takes routes out of the layers when every group is off, and back in with one', () => {
    const none = withEnabledGroups(DEFAULT_MAP_STATE, new Set())
    expect(none.layers).toEqual(['borders', 'places'])
    expect(enabledGroups(none).size).toBe(0)
    expect(withEnabledGroups(none, new Set(['kind:arms'])).layers).toEqual(['routes', 'borders', 'places'])
  })

  it.each([
    [without('family:western')],
    [without('kind:goods', 'kind:fuel')],
    [new Set(['family:central', 'kind:drugs'])],
    [new Set(['family:sahara'])],
    [new Set(['kind:arms'])],
    [new Set<string>()],
  ])('round-trips the groups %j through the URL parameters', (groups) => {
    const state = withEnabledGroups(DEFAULT_MAP_STATE, groups)
    expect(enabledGroups(state)).toEqual(groups)
  })

  it('reads the groups of a hand-written link', () => {
    const state = parseMapState({ families: 'central', kinds: 'migration,drugs' })
    expect([...enabledGroups(state)]).toEqual(['family:central', 'kind:drugs'])
  })
})

describe('basemap toggles in the map state', () => {
  it('maps names to the places layer and borders to the borders layer', () => {
    const state = withToggle(withToggle(DEFAULT_MAP_STATE, 'labels', false), 'borders', false)
    expect(state.layers).toEqual(['routes'])
    expect(toggleOn(state, 'labels')).toBe(false)
    expect(toggleOn(withToggle(state, 'labels', true), 'labels')).toBe(true)
  })

  it('keeps the waypoints toggle out of the state', () => {
    expect(withToggle(DEFAULT_MAP_STATE, 'waypoints', false)).toBe(DEFAULT_MAP_STATE)
  })

  it('keeps layers in their canonical order', () => {
    expect(withLayer(['places', 'routes'], 'hotspots', true)).toEqual(['routes', 'places', 'hotspots'])
  })
})
