// Areas PostGIS reports on the spheroid agree with Turf's spherical areas of the geometry drawn
// (issue 13): the operational zone, a long east–west polygon and a drawn line's corridor, once
// densified (server/geo/densify.ts). Against every driver under test.
import { readFileSync } from 'node:fs'
import { area as turfArea, booleanPointInPolygon } from '@turf/turf'
import type { MultiPolygon, Polygon } from 'geojson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFigures, thousands } from '../scripts/figures/markers.ts'
import { densifyGeometry, longestEdgeDeg } from '../server/geo/densify.ts'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'

// 15°N to 23.44°N over 44° of longitude: the zone's window, drawn with single long edges
const BAND: Polygon = { type: 'Polygon', coordinates: [[[-17, 15], [27, 15], [27, 23.44], [-17, 23.44], [-17, 15]]] }

const km2 = (g: Polygon | MultiPolygon) => turfArea(g) / 1e6

describe.each(testDrivers())('geodesic areas on %s', (driver) => {
  let t: TestApp
  beforeAll(async () => {
    t = await build(driver)
  })
  afterAll(async () => t?.close())

  /** PostGIS's area of a GeoJSON polygon cast to geography (WGS84 spheroid), km². */
  const geographyKm2 = async (g: Polygon | MultiPolygon) => {
    const [row] = await t.app.db.query<{ km2: number }>('SELECT ST_Area(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)::geography) / 1e6 AS km2', [JSON.stringify(g)])
    return row.km2
  }

  it('/api/zone: the area from PostGIS (spheroid) is within 0.5% of Turf (sphere) on the geometry it returns', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/zone' })
    expect(res.statusCode).toBe(200)
    const zone = res.json()
    const turf = km2(zone.geometry)
    expect(Math.abs(zone.properties.area_km2 / turf - 1)).toBeLessThan(0.005)
    // densified before it was stored, and returned as stored: what the map draws is what is measured
    expect(longestEdgeDeg(zone.geometry)).toBeLessThanOrEqual(0.1 + 1e-5)
    // the figure issue 13 found (4,394,591 km², great-circle edges) is gone; about 4.12 million km²
    expect(zone.properties.area_km2).toBeGreaterThan(4_100_000)
    expect(zone.properties.area_km2).toBeLessThan(4_140_000)
    // the README quotes this figure (npm run figures writes it there)
    const readme = readFigures(readFileSync(new URL('../README.md', import.meta.url), 'utf8'))
    expect(readme.get('zone-area-km2'), 'README.md is stale: run npm run figures').toBe(thousands(zone.properties.area_km2))
  })

  it('measures a long east–west polygon, densified, within 0.5% of its spherical area', async () => {
    const dense = densifyGeometry(BAND)
    const sphere = km2(dense)
    expect(sphere).toBeCloseTo(km2(BAND), 3)
    expect(Math.abs((await geographyKm2(dense)) / sphere - 1)).toBeLessThan(0.005)
    // undensified, its parallels are read as great circles that bow poleward: 3% more
    expect((await geographyKm2(BAND)) / sphere - 1).toBeGreaterThan(0.02)
  })

  it('buffers a drawn line along 23.3°N where it is drawn, not along the great circle 35 km north of it', async () => {
    const line = { type: 'LineString', coordinates: [[0, 23.3], [20, 23.3]] }
    const res = await t.app.inject({ method: 'POST', url: '/api/analysis/route?corridor_km=10', payload: line })
    expect(res.statusCode).toBe(200)
    const { corridor, length_km } = res.json()
    for (const lng of [2, 5, 10, 15, 18]) expect(booleanPointInPolygon([lng, 23.3], corridor.geometry), `${lng}°E`).toBe(true)
    expect(booleanPointInPolygon([10, 23.55], corridor.geometry)).toBe(false)
    // the parallel's length on WGS84: 20° × N(φ)·cos φ, N the prime vertical radius of curvature
    const phi = (23.3 * Math.PI) / 180
    const parallelKm = ((20 * Math.PI) / 180) * (6378.137 / Math.sqrt(1 - 0.00669438 * Math.sin(phi) ** 2)) * Math.cos(phi)
    expect(Math.abs(length_km - parallelKm)).toBeLessThan(0.2)
    expect(Math.abs(corridor.area_km2 / km2(corridor.geometry) - 1)).toBeLessThan(0.005)
    expect(longestEdgeDeg(corridor.geometry)).toBeLessThanOrEqual(0.1 + 1e-5)
  })

  it('refuses a drawn line too long to densify, naming the field', async () => {
    const coordinates = Array.from({ length: 120 }, (_, i) => [i % 2 === 0 ? -89 : 89, i / 10])
    const res = await t.app.inject({ method: 'POST', url: '/api/analysis/route', payload: { type: 'LineString', coordinates } })
    expect(res.statusCode).toBe(400)
    expect(res.json().field).toBe('body.coordinates')
  })
})
