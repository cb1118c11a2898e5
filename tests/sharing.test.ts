// Sharing levels without leaks (issue 8), on every driver, with AUTH=on. A Niger agency writes
// one incident dataset, one import, one route and one plan at each sharing level; then readers of
// another Niger agency, of Mali (the bilateral partner), of Chad, and a public embed go through
// every read path: list, item, OGC items, tiles, hotspots (the cell rollup too), chart series, exports, static maps and embeds. Each
// must see exactly the records its level allows: nothing more (no leak) and nothing less (so the
// probes can fail).
import { VectorTile } from '@mapbox/vector-tile'
import { PbfReader } from 'pbf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { latLngToCell } from 'h3-js'
import { tileOfPoint } from '../server/geo/tiles.ts'
import { SHARING_LEVELS, type Sharing } from '../shared/access.ts'
import { insertAgency } from '../server/repos/auth.ts'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'
import { multipart } from './helpers/multipart.ts'
import { userWithToken } from './helpers/users.ts'

type Reader = 'niger' | 'mali' | 'chad' | 'embed'
const READERS: Reader[] = ['niger', 'mali', 'chad', 'embed']

/** Who may see a record of each level written by the Niger border police, partner Mali. */
const MAY_SEE: Record<Sharing, Record<Reader, boolean>> = {
  national: { niger: true, mali: false, chad: false, embed: false },
  bilateral: { niger: true, mali: true, chad: false, embed: false },
  regional: { niger: true, mali: true, chad: true, embed: false },
  public: { niger: true, mali: true, chad: true, embed: true },
}

/** Where each level's three incidents lie (one H3 res-5 cell, one z6 tile each). */
const INCIDENT_AT: Record<Sharing, [number, number]> = {
  national: [8.5, 17.5],
  bilateral: [3.5, 19.5],
  regional: [12.5, 15.5],
  public: [16.5, 20.5],
}

/** Each level's route lies alone in the Gulf of Guinea, south of the equator, far from the catalogue. */
const ROUTE_AT: Record<Sharing, [[number, number], [number, number]]> = {
  national: [[1, -9], [2, -8]],
  bilateral: [[4, -9], [5, -8]],
  regional: [[1, -5], [2, -4]],
  public: [[4, -5], [5, -4]],
}

const box = ([lng, lat]: [number, number], d = 0.5) => [lng - d, lat - d, lng + d, lat + d].join(',')
const routeBox = (level: Sharing) => [ROUTE_AT[level][0][0] - 0.5, ROUTE_AT[level][0][1] - 0.5, ROUTE_AT[level][1][0] + 0.5, ROUTE_AT[level][1][1] + 0.5].join(',')

/** The z/x/y of the tile holding a point. */
function tileOf([lng, lat]: [number, number], z: number): string {
  return tileOfPoint(lng, lat, z).join('/')
}

const PLAN_REQUEST = {
  k: 1,
  radius_km: 60,
  min_spacing_km: 0,
  time_limit_s: 10,
  existing_sites: [],
  demand: { h3_res: 5, incidents: { weight: 1 }, route_km: { weight: 0.5 } },
  candidates: { h3_res: 5, border_pairs: [['NER', 'TCD']], border_km: 30 },
}

describe.each(testDrivers())('sharing levels on %s', (driver) => {
  let t: TestApp
  const headers: Record<Reader | 'owner', Record<string, string>> = {} as never
  let chadAgencyId = 0
  const records = {} as Record<Sharing, { importId: number; incidentIds: number[]; routeId: string; planId: number; viewId: string }>

  beforeAll(async () => {
    t = await build(driver, { authMode: true })
    const db = t.app.serviceDb
    const token = async (agencyId: number, username: string, role: 'viewer' | 'admin') => (await userWithToken(db, agencyId, username, role)).headers
    const police = await insertAgency(db, 'Niger border police', 'NER')
    const customs = await insertAgency(db, 'Niger customs', 'NER')
    const mali = await insertAgency(db, 'Mali gendarmerie', 'MLI')
    const chad = await insertAgency(db, 'Chad national police', 'TCD')
    chadAgencyId = chad.id
    // the owner writes with an admin token (every permission); the readers are viewers
    headers.owner = await token(police.id, 'ner.police.admin', 'admin')
    headers.niger = await token(customs.id, 'ner.customs', 'viewer')
    headers.mali = await token(mali.id, 'mli.gendarmerie', 'viewer')
    headers.chad = await token(chad.id, 'tcd.police', 'viewer')

    const plan = await t.app.inject({ method: 'POST', url: '/api/patrols/plan', headers: headers.owner, payload: PLAN_REQUEST })
    expect(plan.statusCode, plan.body).toBe(200)
    for (const level of SHARING_LEVELS) {
      const partners = level === 'bilateral' ? 'MLI' : ''
      const [lng, lat] = INCIDENT_AT[level]
      const csv = `id,lat,lng,date,category\n${level}-1,${lat},${lng},2024-03-01,drug_trafficking\n${level}-2,${lat},${lng},2024-03-02,drug_trafficking\n${level}-3,${lat},${lng},2024-03-03,drug_trafficking\n`
      const upload = multipart({ dataset: `leak-${level}`, credit: `Leak probe ${level}`, sharing: level, ...(partners ? { partners } : {}) }, { name: `${level}.csv`, content: csv })
      const imported = await t.app.inject({ method: 'POST', url: '/api/imports', payload: upload.payload, headers: { ...upload.headers, ...headers.owner } })
      expect(imported.statusCode, imported.body).toBe(201)
      expect(imported.json()).toMatchObject({ inserted: 3, sharing: level, partners: partners ? [partners] : [] })
      const listed = await t.app.inject({ url: `/api/incidents?source=leak-${level}`, headers: headers.owner })
      const incidentIds = listed.json().features.map((f: { id: number }) => f.id)
      expect(incidentIds).toHaveLength(3)

      const route = await t.app.inject({
        method: 'POST',
        url: '/api/routes',
        headers: headers.owner,
        payload: {
          id: `leak-route-${level}`,
          name: `Leak probe route ${level}`,
          family: 'central',
          kind: 'drugs',
          threats: ['drug_trafficking'],
          direction: 'forward',
          confidence: 'low',
          geometry: { type: 'LineString', coordinates: ROUTE_AT[level] },
          sharing: level,
          ...(partners ? { partners } : {}),
        },
      })
      expect(route.statusCode, route.body).toBe(201)
      const saved = await t.app.inject({ method: 'POST', url: '/api/plans', headers: headers.owner, payload: { name: `Leak probe plan ${level}`, request: PLAN_REQUEST, result: plan.json(), sharing: level, ...(partners ? { partners } : {}) } })
      expect(saved.statusCode, saved.body).toBe(201)
      const view = await t.app.inject({ method: 'POST', url: '/api/views', headers: headers.owner, payload: { bbox: box(INCIDENT_AT[level], 3), layers: 'routes,incidents,hotspots,plan', plan: String(saved.json().id) } })
      expect(view.statusCode, view.body).toBe(201)
      records[level] = { importId: imported.json().id, incidentIds, routeId: `leak-route-${level}`, planId: saved.json().id, viewId: view.json().id }
    }
    // the public embed: a token for the public level's view
    const embed = await t.app.inject({ method: 'POST', url: `/api/views/${records.public.viewId}/embed-token`, headers: headers.owner, payload: { days: 1 } })
    expect(embed.statusCode, embed.body).toBe(201)
    headers.embed = { authorization: `Bearer ${embed.json().token}` }
  }, 300_000)
  afterAll(async () => t?.close())

  const get = (reader: Reader, url: string) => t.app.inject({ url, headers: headers[reader] })
  const json = async (reader: Reader, url: string) => {
    const res = await get(reader, url)
    return res.statusCode === 200 ? res.json() : null
  }
  const tileFeatures = async (reader: Reader, url: string, layer: string) => {
    const res = await get(reader, url)
    if (res.statusCode !== 200) return []
    const l = new VectorTile(new PbfReader(res.rawPayload)).layers[layer]
    return l ? Array.from({ length: l.length }, (_, i) => l.feature(i).properties) : []
  }
  const svgRoutes = (svg: string) => /<g fill="none" stroke-width="[^"]+" stroke-linecap="round" stroke-linejoin="round">(.*?)<\/g>/s.exec(svg)?.[1] ?? ''

  /** Each read path: does the reader see the level's record through it? */
  const PROBES: Record<string, (reader: Reader, level: Sharing) => Promise<boolean>> = {
    'incidents list': async (r, l) => ((await json(r, `/api/incidents?source=leak-${l}`))?.features.length ?? 0) > 0,
    'incident item': async (r, l) => (await get(r, `/api/incidents/${records[l].incidentIds[0]}`)).statusCode === 200,
    'incidents OGC items': async (r, l) => ((await json(r, `/ogc/collections/incidents/items?bbox=${box(INCIDENT_AT[l])}`))?.features.length ?? 0) > 0,
    'incident OGC item': async (r, l) => (await get(r, `/ogc/collections/incidents/items/${records[l].incidentIds[0]}`)).statusCode === 200,
    'incidents tiles': async (r, l) => (await tileFeatures(r, `/tiles/incidents/${tileOf(INCIDENT_AT[l], 9)}.mvt`, 'incidents')).some((p) => p.source_dataset === `leak-${l}`),
    // zoom <= 8: one point per H3 cell from the cell rollup (each level's incidents alone in their res-4 cell)
    'incidents tiles, cells (cell rollup)': async (r, l) =>
      (await tileFeatures(r, `/tiles/incidents/${tileOf(INCIDENT_AT[l], 6)}.mvt`, 'incidents')).some((p) => p.h3 === latLngToCell(INCIDENT_AT[l][1], INCIDENT_AT[l][0], 4) && p.n === 3),
    'hotspots': async (r, l) => ((await json(r, `/api/hotspots?res=5&source=leak-${l}`))?.cells.length ?? 0) > 0,
    // the cell rollup (issue 17): all-time rows at res 7, monthly rows with edge days from the rows
    'hotspots res 7 (cell rollup)': async (r, l) => ((await json(r, `/api/hotspots?res=7&source=leak-${l}`))?.cells.length ?? 0) > 0,
    'hotspots, whole months (cell rollup)': async (r, l) => ((await json(r, `/api/hotspots?res=5&from=2024-02-15&to=2024-03-31&source=leak-${l}`))?.cells.length ?? 0) > 0,
    'hotspot trends': async (r, l) => ((await json(r, `/api/hotspots/trends?res=5&bin=month&source=leak-${l}`))?.cells?.length ?? 0) > 0,
    'incident series (charts)': async (r, l) => ((await json(r, `/api/incidents/series?split=threat&source=leak-${l}`))?.series.length ?? 0) > 0,
    'hotspot tiles': async (r, l) => (await tileFeatures(r, `/tiles/hotspots/${tileOf(INCIDENT_AT[l], 6)}.mvt?res=5&source=leak-${l}`, 'hotspots')).length > 0,
    'incidents export': async (r, l) => ((await json(r, `/api/exports/incidents.geojson?layers=incidents&sources=leak-${l}&bbox=${box(INCIDENT_AT[l], 2)}`))?.features.length ?? 0) > 0,
    'hotspots export': async (r, l) => ((await json(r, `/api/exports/hotspots.geojson?layers=hotspots&hres=5&sources=leak-${l}&bbox=${box(INCIDENT_AT[l], 2)}`))?.features.length ?? 0) > 0,
    'incidents static map': async (r, l) => ((await get(r, `/api/maps/static.svg?width=400&height=300&layers=incidents,hotspots&hres=5&bbox=${box(INCIDENT_AT[l], 2)}`)).body).includes(`Leak probe ${l}`),
    'imports list': async (r, l) => ((await json(r, '/api/imports'))?.imports ?? []).some((i: { id: number }) => i.id === records[l].importId),
    'import item': async (r, l) => (await get(r, `/api/imports/${records[l].importId}`)).statusCode === 200,
    'routes list': async (r, l) => ((await json(r, '/api/routes'))?.features ?? []).some((f: { id: string }) => f.id === records[l].routeId),
    'route item': async (r, l) => (await get(r, `/api/routes/${records[l].routeId}`)).statusCode === 200,
    'route history': async (r, l) => ((await json(r, `/api/routes/${records[l].routeId}/history`))?.versions?.length ?? 0) > 0,
    'route analysis': async (r, l) => (await get(r, `/api/routes/${records[l].routeId}/analysis`)).statusCode === 200,
    'routes OGC items': async (r, l) => ((await json(r, `/ogc/collections/routes/items?bbox=${routeBox(l)}`))?.features ?? []).some((f: { id: string }) => f.id === records[l].routeId),
    'route OGC item': async (r, l) => (await get(r, `/ogc/collections/routes/items/${records[l].routeId}`)).statusCode === 200,
    'routes tiles': async (r, l) => (await tileFeatures(r, `/tiles/routes/${tileOf(ROUTE_AT[l][0], 5)}.mvt`, 'routes')).some((p) => p.id === records[l].routeId),
    'routes export': async (r, l) => ((await json(r, `/api/exports/routes.geojson?bbox=${routeBox(l)}`))?.features ?? []).some((f: { id?: string; properties: { id?: string } }) => (f.id ?? f.properties.id) === records[l].routeId),
    'routes static map': async (r, l) => svgRoutes((await get(r, `/api/maps/static.svg?width=400&height=300&layers=routes&bbox=${routeBox(l)}`)).body).includes('<path'),
    'plan item': async (r, l) => (await get(r, `/api/plans/${records[l].planId}`)).statusCode === 200,
    'plan file': async (r, l) => (await get(r, `/api/plans/${records[l].planId}.geojson`)).statusCode === 200,
    'plans OGC item': async (r, l) => (await get(r, `/ogc/collections/plans/items/${records[l].planId}`)).statusCode === 200,
    'plan export': async (r, l) => (await get(r, `/api/exports/plan.geojson?layers=plan&plan=${records[l].planId}`)).statusCode === 200,
    'plan static map': async (r, l) => (await get(r, `/api/maps/static.svg?width=400&height=300&layers=plan&plan=${records[l].planId}`)).statusCode === 200,
  }

  /** The read paths an embed token may use at all (the plan: only its view's); the others answer it 403 whatever the level. */
  const EMBED_PATHS = new Set(['incidents list', 'incidents tiles', 'incidents tiles, cells (cell rollup)', 'hotspots', 'hotspots res 7 (cell rollup)', 'hotspots, whole months (cell rollup)', 'hotspot trends', 'incident series (charts)', 'hotspot tiles', 'routes list', 'routes tiles', 'plan item'])

  describe.each(SHARING_LEVELS)('a %s record', (level) => {
    it.each(READERS)('is seen through every read path by %s exactly when its level allows', async (reader) => {
      const seen: Record<string, boolean> = {}
      const expected: Record<string, boolean> = {}
      for (const [name, probe] of Object.entries(PROBES)) {
        seen[name] = await probe(reader, level)
        expected[name] = MAY_SEE[level][reader] && (reader !== 'embed' || EMBED_PATHS.has(name))
      }
      expect(seen).toEqual(expected)
    })
  })

  it('shows the owner every level through every read path', async () => {
    // the owner reads with its own (admin) token: as the "niger" expectation, its own state
    for (const level of SHARING_LEVELS) {
      for (const [name, probe] of Object.entries(PROBES)) {
        const saw = await probe('owner' as Reader, level)
        expect(saw, `${name} of a ${level} record`).toBe(true)
      }
    }
  })

  it('gives public embeds hotspots no finer than res 5 and no cell under 3 incidents', async () => {
    const fine = await json('embed', `/api/hotspots?res=7&source=leak-public`)
    expect(fine.res).toBe(5)
    expect(fine.cells).toEqual([expect.objectContaining({ n: 3 })])
    // one more public incident alone in its cell: members see it, the embed does not
    const upload = multipart({ dataset: 'leak-public-single', credit: 'Leak probe single', sharing: 'public' }, { name: 'single.csv', content: 'id,lat,lng,date,category\ns-1,14.5,2.5,2024-03-01,drug_trafficking\n' })
    expect((await t.app.inject({ method: 'POST', url: '/api/imports', payload: upload.payload, headers: { ...upload.headers, ...headers.owner } })).statusCode).toBe(201)
    expect((await json('chad', '/api/hotspots?res=5&source=leak-public-single')).cells).toHaveLength(1)
    expect((await json('embed', '/api/hotspots?res=5&source=leak-public-single')).cells).toEqual([])
    expect((await json('embed', '/api/incidents?source=leak-public-single')).features).toHaveLength(1)
  })

  it('keeps tiles apart per reader: the same tile URL differs by agency and is never shared by caches', async () => {
    const url = `/tiles/incidents/${tileOf(INCIDENT_AT.national, 6)}.mvt`
    const niger = await get('niger', url)
    const chad = await get('chad', url)
    expect(niger.statusCode).toBe(200)
    expect(chad.statusCode).toBe(204)
    expect(niger.headers['cache-control']).toBe('private, no-cache')
    expect(String(niger.headers.vary)).toMatch(/Authorization/)
    // Chad revalidating with Niger's ETag must not get a 304 for Niger's tile
    const replay = await t.app.inject({ url, headers: { ...headers.chad, 'if-none-match': String(niger.headers.etag) } })
    expect(replay.statusCode).toBe(204)
  })

  it('refuses a write a reader may not see: Chad cannot edit the national route', async () => {
    const edit = await t.app.inject({ method: 'PUT', url: `/api/routes/${records.national.routeId}`, headers: headers.owner, payload: {} })
    expect(edit.statusCode).toBe(400)
    const chadAnalyst = (await userWithToken(t.app.serviceDb, chadAgencyId, 'tcd.analyst', 'analyst')).headers
    const body = { name: 'Hijacked', family: 'central', kind: 'drugs', threats: ['drug_trafficking'], direction: 'forward', confidence: 'low', geometry: { type: 'LineString', coordinates: ROUTE_AT.national } }
    const res = await t.app.inject({ method: 'PUT', url: `/api/routes/${records.national.routeId}`, headers: chadAnalyst, payload: body })
    expect(res.statusCode).toBe(404)
    expect((await json('niger', `/api/routes/${records.national.routeId}`)).properties.name).toBe('Leak probe route national')
    // and a regional route of Niger is visible to Chad but not Chad's to change
    const regional = await t.app.inject({ method: 'PUT', url: `/api/routes/${records.regional.routeId}`, headers: chadAnalyst, payload: body })
    expect(regional.statusCode).toBe(404)
  })
})
