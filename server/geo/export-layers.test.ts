import { describe, expect, it } from 'vitest'
import { dateAtPrecision, hotspotRecords, incidentRecords } from './export-layers.ts'
import { parseGeoJson } from './incident-parse/documents.ts'
import { toGeoJson } from './export-formats.ts'

const incident = {
  type: 'Feature' as const,
  properties: { id: 7, source_id: 'mmp-1', source_dataset: 'iom-mmp', date: '2021-03-01', date_precision: 'month', threat: 'migration_trafficking', geo_precision: 3, dead: 4, missing: 1, dead_missing: 5, survivors: null, quantity: null, route: 'Sahara Desert crossing', route_family: 'central', credit: "IOM's Missing Migrants Project", attrs: { date: 'raw', cause: 'Harsh conditions' } },
  geometry: { type: 'Point' as const, coordinates: [12.9, 18.9] },
}

describe('dateAtPrecision', () => {
  it('writes a date at its precision', () => {
    expect([dateAtPrecision('2021-03-14', 'day'), dateAtPrecision('2021-03-01', 'month'), dateAtPrecision('2021-01-01', 'year')]).toEqual(['2021-03-14', '2021-03', '2021'])
  })
})

describe('incidentRecords', () => {
  it('writes the source id as id, leaves nulls out and prefixes attrs that clash with a column', () => {
    const [r] = incidentRecords([incident])
    expect(r.properties).toEqual({ id: 'mmp-1', date: '2021-03', threat: 'migration_trafficking', geo_precision: 3, dead: 4, missing: 1, dead_missing: 5, route: 'Sahara Desert crossing', route_family: 'central', source_dataset: 'iom-mmp', credit: "IOM's Missing Migrants Project", attr_date: 'raw', cause: 'Harsh conditions' })
    expect(r.when).toBe('2021-03')
  })

  it('names the partner deployment a received incident came from', () => {
    const [r] = incidentRecords([{ ...incident, properties: { ...incident.properties, origin_state: 'NER', origin_agency: 'Niger border police' } }])
    expect(r.properties).toMatchObject({ id: 'mmp-1', credit: "IOM's Missing Migrants Project", origin_state: 'NER', origin_agency: 'Niger border police' })
  })

  it('reads back through the GeoJSON importer with the same fields', () => {
    const [row] = parseGeoJson(JSON.stringify(toGeoJson(incidentRecords([incident])))) as any[]
    expect(row).toMatchObject({ sourceId: 'mmp-1', lng: 12.9, lat: 18.9, date: '2021-03-01', datePrecision: 'month', threat: 'migration_trafficking', dead: 4, missing: 1 })
    expect(row.attrs).toMatchObject({ dead_missing: 5, route_family: 'central', cause: 'Harsh conditions' })
  })
})

describe('hotspotRecords', () => {
  it('gives each cell a closed hexagon', () => {
    const [r] = hotspotRecords(5, [{ h3: '85754e67fffffff', n: 3, value: 3 }])
    const ring = (r.geometry as any).coordinates[0]
    expect(ring).toHaveLength(7)
    expect(ring[0]).toEqual(ring[6])
    expect(r.properties).toEqual({ h3: '85754e67fffffff', res: 5, n: 3, value: 3 })
  })
})
