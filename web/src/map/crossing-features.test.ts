import { describe, expect, it } from 'vitest'
import type { BorderCrossing, BorderRoute } from '../api.ts'
import { borderCrossingMarkers, routeCrossingMarkers } from './crossing-features.ts'

const tummo: BorderCrossing = { from: 'NER', to: 'LBY', lng: 14.09999, lat: 22.70799, along_km: 1002.1, nearest_place: { name: 'Tummo', distance_km: 0 } }
const toummo2: BorderCrossing = { ...tummo, from: 'LBY', to: 'NER', lng: 14.1031, lat: 22.7102, along_km: 488.6 }
const salvador: BorderCrossing = { from: 'NER', to: 'LBY', lng: 11.98, lat: 23.45, along_km: 812.4, nearest_place: { name: 'Salvador Pass', distance_km: 4.2 } }

const route = (id: string, crossings: BorderCrossing[]): BorderRoute => ({ id, name: id, family: 'sahara', kind: 'drugs', direction: 'forward', crossings })

describe('routeCrossingMarkers', () => {
  it('numbers the crossings of a line from 1 in travel order, at their points', () => {
    const markers = routeCrossingMarkers([tummo, salvador])
    expect(markers.features.map((f) => [f.properties.order, f.properties.place, f.geometry.coordinates])).toEqual([
      [1, 'Tummo', [14.09999, 22.70799]],
      [2, 'Salvador Pass', [11.98, 23.45]],
    ])
  })

  it('has no marker for a line that crosses no border', () => {
    expect(routeCrossingMarkers([]).features).toEqual([])
  })
})

describe('borderCrossingMarkers', () => {
  it('draws routes crossing at the same point as one marker counting them', () => {
    const { markers, orders } = borderCrossingMarkers([route('a', [tummo]), route('b', [toummo2]), route('c', [salvador])])
    expect(markers.features.map((f) => [f.properties.order, f.properties.place, f.properties.routes])).toEqual([
      [1, 'Tummo', 2],
      [2, 'Salvador Pass', 1],
    ])
    expect(orders).toEqual([[1], [1], [2]])
  })

  it('numbers a route crossing twice at two places with two markers', () => {
    const { markers, orders } = borderCrossingMarkers([route('a', [salvador, tummo])])
    expect(markers.features).toHaveLength(2)
    expect(orders).toEqual([[1, 2]])
  })

  it('keeps crossings a few km apart as separate markers', () => {
    const near = { ...tummo, lng: tummo.lng + 0.05 }
    expect(borderCrossingMarkers([route('a', [tummo]), route('b', [near])]).orders).toEqual([[1], [2]])
  })
})
