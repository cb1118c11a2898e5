import { describe, expect, it } from 'vitest'
import { featureFilter } from '@maplibre/maplibre-gl-style-spec'
import { ROUTE_GROUPS, routeGroupFilter, routeGroupKey, routeTimeFilter } from './route-groups.ts'

/** Whether the filter keeps a route of this family and kind. */
function keeps(enabled: string[], family: string, kind: string): boolean {
  const filter = featureFilter(routeGroupFilter(new Set(enabled)), 'layers[0].filter')
  return filter.filter({ zoom: 5 }, { type: 2, properties: { family, kind } } as never)
}

describe('route groups', () => {
  it('list the five migration families then the five corridor kinds', () => {
    expect(ROUTE_GROUPS.map((group) => group.key)).toEqual([
      'family:western', 'family:central', 'family:eastern', 'family:atlantic', 'family:sahara',
      'kind:drugs', 'kind:arms', 'kind:fuel', 'kind:goods', 'kind:gold',
    ])
  })

  it('put migration routes in their family group and corridors in their kind group', () => {
    expect(routeGroupKey('central', 'migration')).toBe('family:central')
    expect(routeGroupKey('central', 'arms')).toBe('kind:arms')
  })
})

describe('routeGroupFilter', () => {
  it('keeps a migration route only when its family is enabled', () => {
    expect(keeps(['family:central'], 'central', 'migration')).toBe(true)
    expect(keeps(['family:western'], 'central', 'migration')).toBe(false)
  })

  it('keeps a corridor by its kind, not its family', () => {
    expect(keeps(['kind:drugs'], 'western', 'drugs')).toBe(true)
    expect(keeps(['family:western'], 'western', 'drugs')).toBe(false)
  })

  it('keeps routes of a kind the vocabulary does not know', () => {
    expect(keeps([], 'central', 'charcoal')).toBe(true)
  })
})

describe('routeTimeFilter', () => {
  const shows = (time: { from: string | null; to: string | null }, valid_from: string, valid_to: string) =>
    featureFilter(routeTimeFilter(time), 'layers[0].filter').filter({ zoom: 5 }, { type: 2, properties: { valid_from, valid_to } } as never)

  it('hides a route whose period ended before the range, and one that starts after it', () => {
    expect(shows({ from: '2024-01-01', to: '2024-12-31' }, '2011-01-01', '2016-12-31')).toBe(false)
    expect(shows({ from: '2016-01-01', to: '2016-12-31' }, '2023-01-01', '')).toBe(false)
  })

  it('shows a route whose period overlaps the range, open ends included', () => {
    expect(shows({ from: '2016-01-01', to: '2016-12-31' }, '2011-01-01', '2016-12-31')).toBe(true)
    expect(shows({ from: '2024-01-01', to: null }, '', '')).toBe(true)
    expect(shows({ from: null, to: null }, '2011-01-01', '2016-12-31')).toBe(true)
  })
})
