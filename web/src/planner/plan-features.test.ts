import { geoDistance } from 'd3-geo'
import { getResolution, latLngToCell } from 'h3-js'
import { describe, expect, it } from 'vitest'
import type { PlanSite } from './plan-api.ts'
import { CIRCLE_VERTICES, cellFeatures, circleFeatures, polygonsBbox, siteFeatures } from './plan-features.ts'

const R_KM = 6371.0088
const site = (lng: number, lat: number, order = 1, kind: PlanSite['kind'] = 'new'): PlanSite => ({
  order, kind, name: null, lng, lat, h3: null, country: null, border_pair: null, border_km: null, covered_demand: 0, marginal_gain: 0,
})

describe('coverage circles', () => {
  it.each([[20], [30]])('puts every vertex of an 80 km circle at %d°N within 80 ± 0.5 km of the centre', (lat) => {
    const [circle] = circleFeatures([site(14, lat)], 80, 'current')
    const ring = circle.geometry.coordinates[0]
    expect(ring).toHaveLength(CIRCLE_VERTICES + 1)
    expect(ring[0]).toEqual(ring[CIRCLE_VERTICES])
    // d3-geo's great-circle distance, an implementation independent of the one that drew the circle
    for (const vertex of ring) expect(Math.abs(geoDistance([14, lat], vertex as [number, number]) * R_KM - 80)).toBeLessThan(0.5)
  })

  it('is wider in degrees of longitude at 30°N than at 20°N, as a geodesic circle must be', () => {
    const width = (lat: number) => {
      const [w, , e] = polygonsBbox(circleFeatures([site(14, lat)], 80, 'current'))!
      return e - w
    }
    // 160 km across: 1.530° at 20°N, 1.660° at 30°N (cos 20° / cos 30° = 1.085)
    expect(width(30) / width(20)).toBeCloseTo(Math.cos((20 * Math.PI) / 180) / Math.cos((30 * Math.PI) / 180), 2)
  })

  it('tags circles and sites with their plan slot, order and kind', () => {
    const sites = [site(13.65, 21.96, 1, 'existing'), site(14.05, 22.26, 2)]
    expect(siteFeatures(sites, 'previous').map((f) => f.properties)).toEqual([
      { slot: 'previous', order: 1, kind: 'existing' },
      { slot: 'previous', order: 2, kind: 'new' },
    ])
    expect(circleFeatures(sites, 50, 'current').map((f) => f.properties!.slot)).toEqual(['current', 'current'])
  })
})

describe('covered cells', () => {
  it('draws an H3 cell as a closed [lng, lat] hexagon around its centre', () => {
    const h3 = latLngToCell(22, 14, 6)
    const [cell] = cellFeatures([h3]).features
    const ring = cell.geometry.coordinates[0]
    expect(getResolution(h3)).toBe(6)
    expect(ring).toHaveLength(7)
    expect(ring[0]).toEqual(ring[6])
    for (const [lng, lat] of ring) {
      expect(Math.abs(lng - 14)).toBeLessThan(0.1)
      expect(Math.abs(lat - 22)).toBeLessThan(0.1)
    }
  })
})
