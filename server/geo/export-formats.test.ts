import { describe, expect, it } from 'vitest'
import { csvValue, toCsv, toKml, toWkt, type ExportRecord } from './export-formats.ts'
import { parseKml } from './incident-parse/documents.ts'

const point = (lng: number, lat: number) => ({ type: 'Point' as const, coordinates: [lng, lat] })

describe('csvValue', () => {
  it.each([['=SUM(A1:A2)', "'=SUM(A1:A2)"], ['+1', "'+1"], ['-x', "'-x"], ['@cmd', "'@cmd"], ['\tx', "'\tx"], ['a,b', '"a,b"'], ['say "hi"', '"say ""hi"""']])(
    'makes the text %j safe as %j',
    (text, cell) => expect(csvValue(text)).toBe(cell),
  )

  it('writes numbers, including negative ones, as numbers and lists joined by ";"', () => {
    expect([csvValue(-5.25), csvValue(0), csvValue(null), csvValue(true), csvValue(['a', 'b']), csvValue(['=a'])]).toEqual(['-5.25', '0', '', 'true', 'a;b', "'=a"])
  })
})

describe('toCsv', () => {
  it('adds longitude and latitude columns for points and keeps first-seen column order', () => {
    const rows: ExportRecord[] = [{ properties: { id: 'a', n: 1 }, geometry: point(-3.5, 12) }, { properties: { id: 'b', note: '-1 dead?' }, geometry: point(2, -1) }]
    expect(toCsv(rows)).toBe("id,n,note,longitude,latitude\r\na,1,,-3.5,12\r\nb,,'-1 dead?,2,-1\r\n")
  })

  it('writes other geometries as WKT', () => {
    const csv = toCsv([{ properties: { id: 'r' }, geometry: { type: 'LineString', coordinates: [[0, 1], [2, 3]] } }])
    expect(csv).toBe('id,wkt\r\nr,"LINESTRING (0 1, 2 3)"\r\n')
  })
})

describe('toWkt', () => {
  it('writes a polygon with its ring', () => {
    expect(toWkt({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] })).toBe('POLYGON ((0 0, 1 0, 1 1, 0 0))')
  })
})

describe('toKml', () => {
  it('escapes names and values, and reads back through the KML importer', () => {
    const kml = toKml('A <b> & "c"', [{ properties: { id: 'x<1>', threat: 'drug_trafficking', note: 'R&D' }, geometry: point(5, 15), when: '2021-03', name: 'x & y' }])
    expect(kml).toContain('<name>A &lt;b&gt; &amp; &quot;c&quot;</name>')
    expect(kml).toContain('<Data name="note"><value>R&amp;D</value></Data>')
    const [row] = parseKml(kml) as any[]
    expect(row).toMatchObject({ sourceId: 'x<1>', lng: 5, lat: 15, date: '2021-03-01', datePrecision: 'month', threat: 'drug_trafficking', attrs: { note: 'R&D', name: 'x & y' } })
  })
})
