import { describe, expect, it } from 'vitest'
import { DEFAULT_MAP_STATE, parseMapState } from '../../../shared/map-state.ts'
import { mapStateSearch, readMapState, withBbox, withCenterZoom } from './url-state.ts'

describe('readMapState', () => {
  it('reads a full state from a query string', () => {
    const { state, problems } = readMapState('?v=1&center=12.5,20.25&zoom=5.5&layers=routes,places&families=central&kinds=migration&title=Tri-border&lang=fr')
    expect(problems).toEqual([])
    expect(state).toMatchObject({
      view: { center: [12.5, 20.25], zoom: 5.5 },
      layers: ['routes', 'places'],
      filters: { families: ['central'], kinds: ['migration'] },
      title: 'Tri-border',
      lang: 'fr',
    })
  })

  it('gives the default state for an empty query', () => {
    expect(readMapState('')).toEqual({ state: DEFAULT_MAP_STATE, problems: [] })
  })

  it('resets only the refused values and names their fields', () => {
    const { state, problems } = readMapState('?lang=de&layers=routes,rivers&zoom=40&center=5,10&title=Kept')
    expect(problems).toEqual(['zoom', 'layers', 'lang'])
    expect(state.lang).toBe('en')
    expect(state.layers).toEqual(DEFAULT_MAP_STATE.layers)
    expect(state.view).toEqual(DEFAULT_MAP_STATE.view)
    expect(state.title).toBe('Kept')
  })

  it('drops both dates when the range is reversed', () => {
    const { state, problems } = readMapState('?from=2023-01-01&to=2020-01-01')
    expect(problems).toEqual(['to'])
    expect(state.time).toEqual({ from: null, to: null })
  })

  it('falls back to the defaults for an unknown version', () => {
    expect(readMapState('?v=7&lang=ar')).toEqual({ state: { ...DEFAULT_MAP_STATE, lang: 'ar' }, problems: ['v'] })
  })
})

describe('mapStateSearch', () => {
  it('round-trips a state through the query string', () => {
    const state = parseMapState({ bbox: '-5,10,20,30', kinds: 'migration,drugs', title: 'Sahel, 2019–2023 & after', lang: 'ar' })
    const search = mapStateSearch(state)
    expect(search.startsWith('?v=1&bbox=-5%2C10%2C20%2C30')).toBe(true)
    expect(readMapState(search)).toEqual({ state, problems: [] })
  })

  it('leaves out what equals the default', () => {
    expect(mapStateSearch(DEFAULT_MAP_STATE)).toBe('?v=1&bbox=-18%2C8%2C38%2C36')
  })
})

describe('view helpers', () => {
  it('rounds a centre to 5 decimals (about 1 m) and a zoom to 2', () => {
    expect(withCenterZoom(DEFAULT_MAP_STATE, [12.3456789, -3.000001], 5.4321).view).toEqual({ center: [12.34568, -3], zoom: 5.43 })
  })

  it('clamps a bbox to valid degrees', () => {
    expect(withBbox(DEFAULT_MAP_STATE, [-190.123456, -89, 12.5, 88]).view).toEqual({ bbox: [-180, -85, 12.5, 85] })
  })
})
