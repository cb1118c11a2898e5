import { describe, expect, it } from 'vitest'
import { parseMapState } from '../../../shared/map-state.ts'
import { bboxParam, filterParams, hotspotsUrl, hotspotTilesUrl, incidentsUrl, trendsUrl } from './hotspot-query.ts'

const state = parseMapState({ threats: 'drug_trafficking,arms_proliferation', sources: 'iom-mmp', families: 'central', from: '2020-01-01', to: '2020-06-30' })

describe('filterParams', () => {
  it('turns the state filters into the API parameters', () => {
    expect(filterParams(state)).toEqual({
      threat: 'drug_trafficking,arms_proliferation', source: 'iom-mmp', route_family: 'central', from: '2020-01-01', to: '2020-06-30',
    })
  })

  it('leaves out what is not filtered', () => {
    expect(filterParams(parseMapState({}))).toEqual({})
  })
})

describe('URLs', () => {
  it('lets the tiles follow the zoom unless a resolution is pinned', () => {
    expect(hotspotTilesUrl('http://x', parseMapState({}))).toBe('http://x/tiles/hotspots/{z}/{x}/{y}.mvt')
    expect(hotspotTilesUrl('http://x', parseMapState({ hres: '7', threats: 'drug_trafficking' })))
      .toBe('http://x/tiles/hotspots/{z}/{x}/{y}.mvt?threat=drug_trafficking&res=7')
  })

  it('asks for Gi* over the view with the filters', () => {
    const url = new URL(hotspotsUrl(state, { res: 5, stat: 'gistar', bbox: [-5.123456, 10, 20, 30] }), 'http://x')
    expect(url.pathname).toBe('/api/hotspots')
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ res: '5', stat: 'gistar', bbox: '-5.1235,10,20,30', route_family: 'central' })
  })

  it('builds trend and incident requests', () => {
    expect(trendsUrl(parseMapState({}), { res: 4, bin: 'month' })).toBe('/api/hotspots/trends?res=4&bin=month')
    expect(incidentsUrl(parseMapState({}), { bbox: [1, 2, 3, 4], limit: 50, cursor: 'abc' })).toBe('/api/incidents?bbox=1%2C2%2C3%2C4&limit=50&cursor=abc')
  })

  it('clamps a bbox to valid degrees', () => {
    expect(bboxParam([-200, -95, 12.5, 91])).toBe('-180,-90,12.5,90')
  })
})
