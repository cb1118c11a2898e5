import { describe, expect, it } from 'vitest'
import { countryShares, orderCrossings, orderPlaces, overlapExtent } from './route-analysis.ts'

const line = [[[0, 10], [4, 10]]]

describe('countryShares', () => {
  it('gives the sea what no country holds, and the shares sum to 1', () => {
    const s = countryShares(400, [
      { iso3: 'NER', name_en: 'Niger', km: 300 },
      { iso3: 'LBY', name_en: 'Libya', km: 60 },
    ])
    expect(s.map((c) => [c.iso3, c.km, c.share])).toEqual([['NER', 300, 0.75], ['LBY', 60, 0.15], [null, 40, 0.1]])
    expect(s.reduce((t, c) => t + c.share, 0)).toBeCloseTo(1, 6)
  })

  it('keeps the sum at 1 when a line along a border counts in two countries', () => {
    const s = countryShares(100, [
      { iso3: 'NER', name_en: 'Niger', km: 60 },
      { iso3: 'LBY', name_en: 'Libya', km: 60 },
    ])
    expect(s.reduce((t, c) => t + c.share, 0)).toBeCloseTo(1, 6)
  })
})

describe('orderCrossings', () => {
  const row = (lng: number, before: string | null, after: string | null) => ({
    a_iso3: 'LBY', b_iso3: 'NER', lng, lat: 10, before_iso3: before, after_iso3: after, place_name: 'Tummo', place_km: 3.2,
  })

  it('orders crossings by distance along the route and names the direction', () => {
    const c = orderCrossings(line, [row(3, 'LBY', 'NER'), row(1, 'NER', 'LBY')])
    expect(c.map((x) => [x.from, x.to])).toEqual([['NER', 'LBY'], ['LBY', 'NER']])
    expect(c[0].along_km).toBeCloseTo(109.5, 0)
    expect(c[0].nearest_place).toEqual({ name: 'Tummo', distance_km: 3.2 })
  })

  it('leaves out a touch where both sides are the same country', () => {
    expect(orderCrossings(line, [row(2, 'NER', 'NER')])).toEqual([])
  })

  it('infers the missing side from the border pair', () => {
    expect(orderCrossings(line, [row(2, null, 'LBY')])[0]).toMatchObject({ from: 'NER', to: 'LBY' })
  })
})

describe('orderPlaces', () => {
  it('orders places along the route', () => {
    const rows = [
      { id: 2, name: 'B', iso3: 'NER', rank: 2, source: 'geonames', lng: 3, lat: 10.1, distance_km: 11 },
      { id: 1, name: 'A', iso3: 'NER', rank: 2, source: 'geonames', lng: 1, lat: 9.9, distance_km: 11 },
    ]
    expect(orderPlaces(line, rows).map((p) => p.name)).toEqual(['A', 'B'])
  })
})

describe('overlapExtent', () => {
  it('finds where the shared stretch starts and ends along the route', () => {
    const e = overlapExtent(line, { type: 'MultiLineString', coordinates: [[[3, 10], [2.5, 10]], [[1, 10.01], [2, 10]]] })!
    expect(e.start.lng).toBeCloseTo(1, 3)
    expect(e.end.lng).toBeCloseTo(3, 3)
    expect(e.end.along_km - e.start.along_km).toBeCloseTo(2 * 109.5, 0)
  })
})
