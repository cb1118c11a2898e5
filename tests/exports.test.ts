// Exports (issue 6) through app.inject on every driver: every incident export re-imports through
// the project's importers with the same incidents and attributes, routes as GeoJSON re-create
// through POST /api/routes, hotspot cells are hexagons, CSV is formula-safe, plans export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoIncidents } from '../server/import/seed-demo.ts'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'
import { multipart } from './helpers/multipart.ts'

const VIEW = 'bbox=4,14,16,24&from=2021-01-01&to=2021-12-31'
const SOURCES = 'synthetic-demo,iom-mmp,field-notes'
const IOM_CSV = [
  'Incident Type,Incident year,Reported Month,Number of Dead,Minimum Estimated Number of Missing,Total Number of Dead and Missing,Number of Survivors,Migration route,Coordinates',
  'Incident,2021,January,2,0,2,0,Sahara Desert crossing,"19.5, 8.1"',
  'Incident,2021,March,4,1,5,3,Sahara Desert crossing,"18.9, 12.9"',
].join('\n')
const NOTES_CSV = ['lat,lng,date,threat,id,note', '17.1,9.2,2021-06-02,arms_proliferation,n-1,"=HYPERLINK(""http://x.test"",""click"")"', '16.5,8.7,2021-07,drug_trafficking,n-2,+plus and a comma, too'].join('\n').replace('+plus and a comma, too', '"+plus, and a comma"')

type Props = Record<string, any>

describe.each(testDrivers())('exports on %s', (driver) => {
  let t: TestApp
  beforeAll(async () => {
    t = await build(driver)
    await seedDemoIncidents(t.app.db)
    for (const [name, content, fields] of [['mmp.csv', IOM_CSV, {}], ['notes.csv', NOTES_CSV, { dataset: 'field-notes', credit: 'Field notes' }]] as const) {
      const { payload, headers } = multipart(fields, { name, content })
      expect((await t.app.inject({ method: 'POST', url: '/api/imports', payload, headers })).statusCode).toBe(201)
    }
  })
  afterAll(async () => t?.close())

  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url })
    return { status: res.statusCode, text: res.body, headers: res.headers }
  }
  const incidents = async (query: string): Promise<Map<string, { lng: number; lat: number; p: Props }>> => {
    const res = await t.app.inject({ method: 'GET', url: `/api/incidents?limit=5000&${query}` })
    return new Map(res.json().features.map((f: any) => [f.properties.source_id, { lng: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], p: f.properties }]))
  }

  it.each(['geojson', 'csv', 'kml'])('re-imports the incidents of a view from %s with the same incidents and attributes', async (format) => {
    const original = await incidents(`${VIEW}&source=${SOURCES}`)
    expect(original.size).toBeGreaterThan(20)
    expect(new Set([...original.values()].map((o) => o.p.source_dataset))).toEqual(new Set(SOURCES.split(',')))
    const file = await get(`/api/exports/incidents.${format}?${VIEW}&sources=${SOURCES}`)
    expect(file.status).toBe(200)
    expect(file.headers['content-disposition']).toBe(`attachment; filename="incidents.${format}"`)
    const { payload, headers } = multipart({ dataset: `round-trip-${format}`, credit: 'round trip', strict: 'true' }, { name: `incidents.${format}`, content: file.text })
    const report = await t.app.inject({ method: 'POST', url: '/api/imports', payload, headers })
    expect(report.json()).toMatchObject({ status: 'completed', inserted: original.size, rejected: 0 })

    const again = await incidents(`source=round-trip-${format}`)
    expect([...again.keys()].sort()).toEqual([...original.keys()].sort())
    const unquote = (v: unknown) => (format === 'csv' ? String(v).replace(/^'(?=[=+\-@\t\r])/, '') : String(v))
    for (const [id, o] of original) {
      const r = again.get(id)!
      expect([r.lng, r.lat], id).toEqual([o.lng, o.lat])
      for (const k of ['date', 'date_precision', 'threat', 'dead', 'missing', 'quantity']) expect(r.p[k], `${id} ${k}`).toEqual(o.p[k])
      for (const k of ['dead_missing', 'survivors', 'route', 'route_family', 'geo_precision', 'source_dataset', 'credit']) {
        if (o.p[k] !== null) expect(unquote(r.p.attrs[k]), `${id} ${k}`).toBe(String(o.p[k]))
      }
      for (const [k, v] of Object.entries(o.p.attrs as Props)) expect(unquote(r.p.attrs[k]), `${id} attrs.${k}`).toBe(String(v))
    }
  })

  it('keeps spreadsheet formulas out of CSV cells and numbers as numbers', async () => {
    const { text } = await get('/api/exports/incidents.csv?sources=field-notes')
    const lines = text.split('\r\n')
    expect(lines[0]).toBe('id,date,threat,source_dataset,credit,note,longitude,latitude')
    expect(text).toContain(`"'=HYPERLINK(""http://x.test"",""click"")"`)
    expect(text).toContain(`"'+plus, and a comma"`)
    expect(text).toContain('n-2,2021-07,drug_trafficking,field-notes,Field notes,')
    expect(text).toMatch(/,9\.2,17\.1\r\n/)
  })

  it('writes KML 2.2 with escaped names and dates as TimeStamps', async () => {
    const { text, headers } = await get('/api/exports/incidents.kml?sources=field-notes')
    expect(headers['content-type']).toBe('application/vnd.google-earth.kml+xml')
    expect(text).toContain('<kml xmlns="http://www.opengis.net/kml/2.2">')
    expect(text).toContain('<TimeStamp><when>2021-07</when></TimeStamp>')
    expect(text).toContain('<value>=HYPERLINK(&quot;http://x.test&quot;,&quot;click&quot;)</value>')
  })

  it('re-creates exported routes through POST /api/routes with the same lines and attributes', async () => {
    const { text } = await get('/api/exports/routes.geojson?families=central&kinds=migration')
    const doc = JSON.parse(text)
    expect(doc.features.length).toBeGreaterThanOrEqual(2)
    expect(doc.credits).toEqual(['Sahel Routes route catalogue (sources cited per route)'])
    const keys = ['name', 'family', 'kind', 'threats', 'direction', 'confidence', 'description', 'confidence_note', 'sources', 'waypoints', 'valid_from', 'valid_to', 'status']
    for (const f of doc.features) {
      const body = Object.fromEntries(Object.entries(f.properties).filter(([k]) => [...keys, 'forced'].includes(k)))
      const res = await t.app.inject({ method: 'POST', url: '/api/routes', payload: { ...body, geometry: f.geometry } })
      expect(res.statusCode, res.body).toBe(201)
      const created = res.json()
      expect(created.geometry.coordinates).toEqual(f.geometry.coordinates)
      // an open period end is null in the API and left out of the export
      for (const k of keys) expect(created.properties[k] ?? undefined, k).toEqual(f.properties[k])
      expect(created.properties.length_km).toBeCloseTo(f.properties.length_km, 1)
    }
  })

  it('writes routes as CSV with WKT lines and as KML LineStrings', async () => {
    const csv = (await get('/api/exports/routes.csv?families=central')).text
    expect(csv.split('\r\n')[0]).toMatch(/^id,name,family,kind,threats,.*,wkt$/)
    expect(csv).toMatch(/"LINESTRING \(/)
    const kml = (await get('/api/exports/routes.kml?families=central')).text
    expect(kml.match(/<LineString>/g)?.length).toBe(csv.trim().split('\r\n').length - 1)
  })

  it('exports hotspot cells as closed hexagons with the same counts as /api/hotspots', async () => {
    const doc = JSON.parse((await get(`/api/exports/hotspots.geojson?${VIEW}&hres=5`)).text)
    const api = (await t.app.inject({ method: 'GET', url: `/api/hotspots?res=5&${VIEW}` })).json()
    expect(doc.features.length).toBe(api.cells.length)
    expect(doc.note).toBe('aggregated to H3 cells by Sahel Routes')
    const byCell = new Map(api.cells.map((c: any) => [c.h3, c.n]))
    for (const f of doc.features) {
      expect(f.geometry.type).toBe('Polygon')
      const ring = f.geometry.coordinates[0]
      expect(ring.length).toBe(7)
      expect(ring[6]).toEqual(ring[0])
      expect(f.properties.n).toBe(byCell.get(f.properties.h3))
    }
    const kml = (await get(`/api/exports/hotspots.kml?${VIEW}&hres=5&hstat=gistar`)).text
    expect(kml).toContain('<Data name="class">')
  })

  it('exports the sites of a saved plan', async () => {
    const request = { k: 2, radius_km: 80, demand: { h3_res: 5, incidents: { weight: 1 } }, candidates: { h3_res: 5, border_pairs: [['NER', 'TCD']], border_km: 50 } }
    const plan = await t.app.inject({ method: 'POST', url: '/api/patrols/plan', payload: request })
    expect(plan.statusCode, plan.body).toBe(200)
    const saved = await t.app.inject({ method: 'POST', url: '/api/plans', payload: { name: 'Niger–Chad', request, result: plan.json() } })
    const { id } = saved.json()
    const csv = (await get(`/api/exports/plan.csv?plan=${id}`)).text
    expect(csv.trim().split('\r\n')).toHaveLength(3)
    const svg = await get(`/api/maps/static.svg?layers=routes,plan&plan=${id}&date=2024-03-07`)
    expect(svg.headers['x-map-layers']).toBe('routes,plan')
    expect(svg.text).toContain('Patrol reach (80 km)')
  })

  it('answers a bad layer, format or state with a 400 naming the field, and an unknown plan with a 404', async () => {
    expect((await get('/api/exports/rivers.csv')).status).toBe(400)
    expect(JSON.parse((await get('/api/exports/routes.xls')).text).field).toBe('format')
    expect(JSON.parse((await get('/api/exports/incidents.csv?threats=piracy')).text).field).toBe('threats')
    expect(JSON.parse((await get('/api/exports/plan.csv')).text).field).toBe('plan')
    expect((await get('/api/exports/plan.csv?plan=987654')).status).toBe(404)
  })
})
