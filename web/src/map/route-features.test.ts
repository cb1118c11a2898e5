import { describe, expect, it } from 'vitest'
import { sampleRoute } from '../test-fixtures.ts'
import { FAMILY_COLOURS } from '../../../shared/palette.ts'
import { linesBounds, routeBounds, toMapRoutes, toMapWaypoints } from './route-features.ts'

describe('toMapRoutes', () => {
  it('keeps the geometry and id and only the styled properties', () => {
    const route = sampleRoute()
    const [feature] = toMapRoutes({ type: 'FeatureCollection', features: [route] }).features
    expect(feature.id).toBe('central-agadez-tripoli')
    expect(feature.geometry).toEqual(route.geometry)
    expect(feature.properties).toEqual({
      id: 'central-agadez-tripoli', name: 'Agadez – Sabha – Tripoli', family: 'central',
      kind: 'migration', confidence: 'high', direction: 'forward', leg: 'schematic', valid_from: '', valid_to: '', status: 'active',
    })
  })

  it('splits a route into one feature per leg, schematic legs tagged so they are drawn dashed', () => {
    const route = sampleRoute()
    const n = route.geometry.coordinates.length
    route.properties.segments = [{ kind: 'track', start: 0, end: 1 }, { kind: 'schematic', start: 1, end: n - 1 }]
    route.properties.valid_from = '2011-01-01'
    const features = toMapRoutes({ type: 'FeatureCollection', features: [route] }).features
    expect(features.map((f) => [f.id, f.properties.leg, f.geometry.coordinates.length])).toEqual([['central-agadez-tripoli', 'track', 2], ['central-agadez-tripoli', 'schematic', n - 1]])
    expect(features[0].properties).toMatchObject({ valid_from: '2011-01-01', valid_to: '' })
  })
})

describe('toMapWaypoints', () => {
  it('numbers the waypoints in order of travel and colours them like the route', () => {
    const points = toMapWaypoints(sampleRoute()).features
    expect(points.map((p) => [p.properties.order, p.properties.name])).toEqual([[1, 'Agadez'], [2, 'Sabha'], [3, 'Tripoli']])
    expect(points[1].geometry.coordinates).toEqual([14.43, 27.04])
    expect(points[0].properties.colour).toBe(FAMILY_COLOURS.central)
  })

  it('is empty when no route is selected', () => {
    expect(toMapWaypoints(null).features).toEqual([])
  })
})

describe('routeBounds', () => {
  it('boxes the route line in degrees', () => {
    expect(routeBounds(sampleRoute())).toEqual([7.99, 16.97, 14.43, 32.89])
  })
})

describe('linesBounds', () => {
  it('spans every part of every line', () => {
    expect(linesBounds([
      { type: 'LineString', coordinates: [[11.9, 23.5], [14.2, 22.6]] },
      { type: 'MultiLineString', coordinates: [[[14.2, 22.6], [15.9, 23.0]], [[9.3, 21.9], [10, 22]]] },
    ])).toEqual([9.3, 21.9, 15.9, 23.5])
  })
})
