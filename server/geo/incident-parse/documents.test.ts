import { describe, expect, it } from 'vitest'
import { parseGeoJson, parseGpx, parseKml } from './documents.ts'
import { genericCsvMapper } from './record.ts'
import { isRejection, type RowResult } from './types.ts'

const accepted = (rs: RowResult[]) => rs.filter((r) => !isRejection(r))

describe('generic CSV', () => {
  it('finds latitude, longitude, date and category by common names', () => {
    const map = genericCsvMapper(['ID', 'Latitude', 'Lon', 'Event Date', 'Category', 'note'])
    const r = map(['a1', '18.7', '7.4', '2024-03-02', 'Drug trafficking', 'seized at checkpoint'], 2)
    expect(r).toMatchObject({ sourceId: 'a1', lng: 7.4, lat: 18.7, date: '2024-03-02', threat: 'drug_trafficking', attrs: { note: 'seized at checkpoint' } })
  })

  it('takes columns from a mapping and a default threat', () => {
    const map = genericCsvMapper(['y_wgs', 'x_wgs', 'jour'], { mapping: { lat: 'y_wgs', lng: 'x_wgs', date: 'jour' }, threat: 'arms_proliferation' })
    expect(map(['18.7', '7.4', '2024-03-02'], 2)).toMatchObject({ lng: 7.4, lat: 18.7, threat: 'arms_proliferation' })
  })

  it('keeps a row whose category is not a threat as unclassified, with its own category in attrs', () => {
    const map = genericCsvMapper(['lat', 'lng', 'date', 'category'])
    expect(map(['18.7', '7.4', '2024-03-02', 'weather'], 5)).toMatchObject({ line: 5, threat: 'unclassified', attrs: { category: 'weather' } })
  })

  it('reads one coordinate string in the order given, and year + month columns', () => {
    const map = genericCsvMapper(['gps', 'an', 'mois'], { mapping: { coordinates: 'gps', order: 'lnglat', year: 'an', month: 'mois' } })
    expect(map(['7.4, 18.7', '2023', '11'], 2)).toMatchObject({ lng: 7.4, lat: 18.7, date: '2023-11-01', datePrecision: 'month' })
  })

  it('refuses a file without coordinate columns', () => {
    expect(() => genericCsvMapper(['place', 'date'])).toThrow('CSV: no latitude/longitude columns and no coordinates column among "place", "date": map lat and lng, or coordinates')
  })
})

describe('GeoJSON', () => {
  it('takes point features and rejects the others', () => {
    const doc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'f1', properties: { date: '2024-01-05', threat: 'migration_trafficking' }, geometry: { type: 'Point', coordinates: [13.2, 32.9] } },
        { type: 'Feature', properties: { date: '2024-01-05' }, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } },
      ],
    }
    const rs = parseGeoJson(JSON.stringify(doc))
    expect(rs[0]).toMatchObject({ line: 1, sourceId: 'f1', lng: 13.2, lat: 32.9, threat: 'migration_trafficking' })
    expect(rs[1]).toEqual({ line: 2, field: 'geometry', reason: 'only Point features are incidents, got LineString' })
  })

  it('refuses text that is not JSON', () => {
    expect(() => parseGeoJson('{nope')).toThrow(/GeoJSON: not valid JSON/)
  })
})

describe('KML', () => {
  it('reads placemarks in folders with their time and extended data', () => {
    const kml = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder>
      <Placemark id="p1"><name>Checkpoint</name><TimeStamp><when>2023-06-01</when></TimeStamp>
        <ExtendedData><Data name="threat"><value>subsidised_goods_smuggling</value></Data></ExtendedData>
        <Point><coordinates>9.5,21.3,0</coordinates></Point></Placemark>
      <Placemark><name>Track</name><LineString><coordinates>1,2 3,4</coordinates></LineString></Placemark>
    </Folder></Document></kml>`
    const rs = parseKml(kml)
    expect(rs[0]).toMatchObject({ sourceId: 'p1', lng: 9.5, lat: 21.3, date: '2023-06-01', threat: 'subsidised_goods_smuggling', attrs: { name: 'Checkpoint' } })
    expect(rs[1]).toEqual({ line: 2, field: 'Point', reason: 'only placemarks with a Point are incidents' })
  })
})

describe('GPX', () => {
  it('reads waypoints with time and type, and rejects tracks', () => {
    const gpx = `<?xml version="1.0"?><gpx version="1.1" creator="t">
      <wpt lat="19.1" lon="12.6"><name>W1</name><time>2022-11-20T08:00:00Z</time><type>arms_proliferation</type></wpt>
      <trk><name>T</name><trkseg><trkpt lat="1" lon="2"/></trkseg></trk></gpx>`
    const rs = parseGpx(gpx)
    expect(accepted(rs)).toHaveLength(1)
    expect(rs[0]).toMatchObject({ lng: 12.6, lat: 19.1, date: '2022-11-20', threat: 'arms_proliferation' })
    expect(rs[1]).toMatchObject({ field: 'trk' })
  })
})
