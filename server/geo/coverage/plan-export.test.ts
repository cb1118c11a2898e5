import { parse } from 'csv-parse/sync'
import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { distanceKm } from '../../../shared/great-circle.ts'
import { csvCell, type ExportPlan, planCsv, planGeoJson, planKml } from './plan-export.ts'

const PLAN: ExportPlan = {
  id: 7,
  name: 'Tri-border <test> & co',
  radius_km: 80,
  sites: [
    { order: 1, kind: 'existing', name: 'Madama', lng: 13.65, lat: 21.96, h3: null, country: 'NER', border_pair: null, covered_demand: 0.2, marginal_gain: 0.2 },
    { order: 2, kind: 'new', name: '=HYPERLINK("http://x")', lng: 14.1, lat: 22.8, h3: '86596a6b7ffffff', country: 'NER', border_pair: 'LBY-NER', covered_demand: 0.3, marginal_gain: 0.1 },
    { order: 3, kind: 'new', lng: -5.5, lat: 20, h3: '865a0a6b7ffffff', country: 'MLI', border_pair: 'DZA-MLI', covered_demand: 0.05, marginal_gain: 0.05 },
  ],
}

describe('csvCell', () => {
  it('prefixes a quote to cells starting with = + - @ tab or CR', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(s).replace(/^"/, '').startsWith("'")).toBe(true)
  })

  it('quotes cells with commas, quotes or line breaks, doubling the quotes', () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""')
    expect(csvCell('plain')).toBe('plain')
  })
})

describe('planCsv', () => {
  it('parses back to one row per site with numbers intact and the formula neutralised', () => {
    const rows = parse(planCsv(PLAN), { columns: true }) as Record<string, string>[]
    expect(rows).toHaveLength(3)
    expect(rows[1].name).toBe(`'=HYPERLINK("http://x")`)
    expect(Number(rows[2].lng)).toBe(-5.5)
    expect(rows[2].name).toBe('Site 3')
    expect(rows[0].h3).toBe('')
  })
})

describe('planGeoJson', () => {
  it('has a point and a 64-vertex circle 80 km round for each site', () => {
    const fc = planGeoJson(PLAN)
    expect(fc.features).toHaveLength(6)
    const circle = fc.features.find((f) => f.properties!.role === 'coverage' && f.properties!.order === 2)!
    const ring = (circle.geometry as GeoJSON.Polygon).coordinates[0]
    expect(ring).toHaveLength(65)
    for (const p of ring) expect(distanceKm([14.1, 22.8], p)).toBeCloseTo(80, 2)
  })
})

describe('planKml', () => {
  it('parses as XML with escaped names, 3 sites and 3 circles', () => {
    const doc = new XMLParser({ ignoreAttributes: false }).parse(planKml(PLAN))
    expect(doc.kml.Document.name).toBe('Tri-border <test> & co')
    const [sites, circles] = doc.kml.Document.Folder
    expect(sites.Placemark).toHaveLength(3)
    expect(sites.Placemark[1].Point.coordinates).toBe('14.1,22.8')
    expect(circles.Placemark[0].Polygon.outerBoundaryIs.LinearRing.coordinates.split(' ')).toHaveLength(65)
  })
})
