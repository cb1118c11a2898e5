import { describe, expect, it } from 'vitest'
import { mulberry32 } from './prng.ts'
import { syntheticIncidents, type SyntheticRoute } from './synthetic.ts'
import { THREATS } from '../../shared/vocabulary.ts'

const routes: SyntheticRoute[] = [
  {
    id: 'agadez-sabha',
    name: 'Agadez – Sabha',
    family: 'central',
    threats: ['migration_trafficking'],
    coordinates: [
      [7.99, 16.97],
      [12.92, 18.97],
      [14.43, 27.04],
    ],
    waypoints: [
      { lng: 7.99, lat: 16.97 },
      { lng: 14.43, lat: 27.04 },
    ],
  },
  {
    id: 'gao-kidal',
    name: 'Gao – Kidal',
    family: 'sahara',
    threats: ['drug_trafficking', 'narco_terrorism'],
    coordinates: [
      [-0.04, 16.27],
      [1.41, 18.44],
    ],
    waypoints: [{ lng: -0.04, lat: 16.27 }],
  },
]

describe('synthetic demo incidents', () => {
  it('are the same for the same seed', () => {
    expect(syntheticIncidents(routes, mulberry32(7), { count: 50 })).toEqual(syntheticIncidents(routes, mulberry32(7), { count: 50 }))
  })

  it('fall near the routes, inside the period, with a threat of their route', () => {
    const incidents = syntheticIncidents(routes, mulberry32(1), { count: 2000 })
    expect(incidents).toHaveLength(2000)
    for (const i of incidents) {
      expect(i.lng).toBeGreaterThan(-2)
      expect(i.lng).toBeLessThan(16.5)
      expect(i.lat).toBeGreaterThan(14.5)
      expect(i.lat).toBeLessThan(29)
      expect(i.date >= '2019-01-01' && i.date <= '2025-12-31').toBe(true)
      expect(THREATS).toContain(i.threat)
    }
    expect(new Set(incidents.map((i) => i.sourceId)).size).toBe(2000)
  })

  it('cluster around the hubs: over a third lie within 30 km of a waypoint', () => {
    const incidents = syntheticIncidents(routes, mulberry32(3), { count: 1000 })
    const hubs = routes.flatMap((r) => r.waypoints)
    const near = incidents.filter((i) => hubs.some((h) => Math.hypot((i.lng - h.lng) * Math.cos((h.lat * Math.PI) / 180), i.lat - h.lat) * 111.32 < 30))
    expect(near.length).toBeGreaterThan(333)
  })
})
