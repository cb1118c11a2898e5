import { describe, expect, it } from 'vitest'
import { DEFAULT_MAP_STATE, MapStateError, mapStateToParams, parseMapState } from './map-state.ts'

const fieldOf = (params: Record<string, string>) => {
  try {
    parseMapState(params)
  } catch (err) {
    if (err instanceof MapStateError) return err.field
    throw err
  }
  return null
}

describe('parseMapState', () => {
  it('gives the default state for no parameters', () => {
    expect(parseMapState({})).toEqual(DEFAULT_MAP_STATE)
  })

  it('round-trips a full state through URL parameters', () => {
    const params = {
      v: '1', center: '12.5,20.25', zoom: '5.5', layers: 'routes,hotspots,plan', families: 'central', kinds: 'migration,drugs',
      threats: 'drug_trafficking', sources: 'iom-mmp', from: '2019-01-01', to: '2023-12-31', hres: '6', hstat: 'gistar',
      plan: 'p_123', title: 'Tri-border, 2019–2023', lang: 'ar', origin: 'NER',
    }
    const state = parseMapState(params)
    expect(state.view).toEqual({ center: [12.5, 20.25], zoom: 5.5 })
    expect(parseMapState(mapStateToParams(state))).toEqual(state)
    expect(new URLSearchParams(mapStateToParams(state)).get('title')).toBe('Tri-border, 2019–2023')
  })

  it('keeps the origin filter: made here, or a member state\'s partners', () => {
    expect(parseMapState({ origin: 'NER' }).filters.origin).toBe('NER')
    expect(parseMapState({ origin: 'local' }).filters.origin).toBe('local')
    expect(parseMapState({ origin: '' }).filters.origin).toBeNull()
    expect(mapStateToParams(parseMapState({ origin: 'local' })).origin).toBe('local')
  })

  it('keeps a bbox view', () => {
    expect(parseMapState({ bbox: '5,15,20,25' }).view).toEqual({ bbox: [5, 15, 20, 25] })
  })

  it.each([
    [{ layers: 'routes,rivers' }, 'layers'],
    [{ bbox: '1,2,3' }, 'bbox'],
    [{ bbox: '5,5,5,9' }, 'bbox'],
    [{ lang: 'de' }, 'lang'],
    [{ zoom: '30', center: '0,0' }, 'zoom'],
    [{ from: '2020-02-30' }, 'from'],
    [{ from: '2021-01-01', to: '2020-01-01' }, 'to'],
    [{ hres: '9' }, 'hres'],
    [{ origin: 'FRA' }, 'origin'],
    [{ origin: 'ner' }, 'origin'],
    [{ v: '2' }, 'v'],
    [{ title: 'x'.repeat(121) }, 'title'],
  ])('names the field of a bad state %j', (params, field) => {
    expect(fieldOf(params as Record<string, string>)).toBe(field)
  })
})
