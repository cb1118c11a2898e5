// The data of a map state inside a bounding box, as the static maps and the exports draw it:
// countries, borders, filtered routes, places, the zone, incidents, hotspot cells and a plan.
// Composes the layer repos; the SQL stays in theirs.
import type { LineString, MultiLineString, MultiPolygon } from 'geojson'
import type { Db } from '../db/types.ts'
import type { Bbox } from '../../shared/bbox.ts'
import { giStar } from '../../shared/gistar.ts'
import type { MapState } from '../../shared/map-state.ts'
import type { BasemapCountry } from '../geo/static-map/basemap.ts'
import type { MapCell, MapPlace, MapPlan } from '../geo/static-map/overlays.ts'
import type { StaticMapData } from '../geo/static-map/render.ts'
import { listBorders, listCountries } from './countries.ts'
import { aggregateCells, creditsFor } from './hotspots.ts'
import { originCredits } from './exchange.ts'
import { listIncidents, type IncidentFeature, type IncidentFilter } from './incidents.ts'
import { getPlan } from './patrols.ts'
import { searchPlaces } from './places.ts'
import { flowsForYear, listRoutes, type RouteFeature } from './routes.ts'
import { flowShares, flowYear, WIDTH_METRIC } from '../../shared/route-flows.ts'
import type { SegmentRef } from '../../shared/route-segments.ts'
import { getZone } from './zones.ts'

/** Most incidents one map or export carries. */
export const MAX_INCIDENTS = 100_000
/** Hotspot resolution when the state leaves it open (as GET /api/hotspots). */
export const DEFAULT_HOTSPOT_RES = 5

/** The incident filter of a state within a bbox: dates, threats, sources, route families, origin. */
export function incidentFilter(state: MapState, bbox: Bbox): IncidentFilter {
  const f = state.filters
  return {
    bbox,
    from: state.time.from ?? undefined,
    to: state.time.to ?? undefined,
    threats: f.threats.length ? f.threats : undefined,
    sources: f.sources.length ? f.sources : undefined,
    routeFamilies: f.families.length ? f.families : undefined,
    origin: f.origin ?? undefined,
  }
}

const overlaps = (a: Bbox, b: Bbox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]

function lineBbox(line: LineString): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity]
  for (const [x, y] of line.coordinates) [b[0], b[1], b[2], b[3]] = [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)]
  return b
}

/** Catalogue routes of the state's families, kinds and time range whose extent meets the bbox, by id. */
export async function routesInView(db: Db, state: MapState, bbox: Bbox): Promise<RouteFeature[]> {
  const { families, kinds } = state.filters
  return (await listRoutes(db, { from: state.time.from, to: state.time.to })).filter(
    (r) =>
      (families.length === 0 || families.includes(r.properties.family as string)) &&
      (kinds.length === 0 || kinds.includes(r.properties.kind as string)) &&
      overlaps(lineBbox(r.geometry), bbox),
  )
}

/** Incidents of the state in the bbox, newest first, at most MAX_INCIDENTS (truncated tells). */
export async function incidentsInView(db: Db, state: MapState, bbox: Bbox): Promise<{ features: IncidentFeature[]; truncated: boolean }> {
  const filter = incidentFilter(state, bbox)
  const features: IncidentFeature[] = []
  let after: { date: string; id: number } | null = null
  for (;;) {
    const page = await listIncidents(db, filter, 5000, after)
    features.push(...page)
    if (page.length < 5000) return { features, truncated: false }
    if (features.length >= MAX_INCIDENTS) return { features: features.slice(0, MAX_INCIDENTS), truncated: true }
    const last = page[page.length - 1]
    after = { date: last.properties.date as string, id: last.id }
  }
}

/** Hotspot cells of the state in the bbox: counts, or Gi* classes (k = 1, FDR) when hstat=gistar. */
export async function hotspotCells(db: Db, state: MapState, bbox: Bbox): Promise<{ res: number; cells: (MapCell & { n: number; z?: number; p?: number; q?: number })[] }> {
  const res = state.hotspots.res ?? DEFAULT_HOTSPOT_RES
  const cells = await aggregateCells(db, res, incidentFilter(state, bbox), null)
  if (state.hotspots.stat === 'none') return { res, cells: cells.sort((a, b) => (a.h3 < b.h3 ? -1 : 1)) }
  const n = new Map(cells.map((c) => [c.h3, c.n]))
  return { res, cells: giStar(cells, { k: 1, fdr: true }).map((g) => ({ ...g, n: n.get(g.h3) ?? 0 })).sort((a, b) => (a.h3 < b.h3 ? -1 : 1)) }
}

/** A saved plan as the map draws it, or null when there is none with this id. */
export async function planForMap(db: Db, id: number): Promise<MapPlan | null> {
  const plan = await getPlan(db, id)
  if (!plan) return null
  const result = plan.result as { radius_km: number; sites: MapPlan['sites'] }
  return { id: plan.id, name: plan.name, radiusKm: result.radius_km, sites: result.sites }
}

/** Capitals and hubs in the bbox (and towns too when the view is under about 25 square degrees). */
async function placesInView(db: Db, bbox: Bbox): Promise<MapPlace[]> {
  const small = (bbox[2] - bbox[0]) * (bbox[3] - bbox[1]) < 25
  const rows = await searchPlaces(db, { bbox, limit: small ? 300 : 1000 })
  return rows
    .filter((p) => small || (p.properties.rank as number) <= 1)
    .map((p) => ({ name: p.properties.name as string, rank: p.properties.rank as number, lng: p.geometry.coordinates[0], lat: p.geometry.coordinates[1] }))
}

/** Everything a static map of the state over bbox draws; the plan is loaded by the caller. */
export async function gatherStaticMap(db: Db, state: MapState, bbox: Bbox, plan: MapPlan | null): Promise<StaticMapData> {
  const on = (l: string) => state.layers.includes(l as never)
  const wantsIncidents = on('incidents') || on('hotspots')
  const year = on('routes') ? flowYear(state.time) : null
  const [countries, borders, routes, zone, places, incidents, hotspots, credits, partnerCredits, flows] = await Promise.all([
    listCountries(db),
    on('borders') ? listBorders(db) : null,
    on('routes') ? routesInView(db, state, bbox) : null,
    on('zone') ? getZone(db) : null,
    on('places') ? placesInView(db, bbox) : null,
    on('incidents') ? incidentsInView(db, state, bbox) : null,
    on('hotspots') ? hotspotCells(db, state, bbox) : null,
    wantsIncidents ? creditsFor(db, incidentFilter(state, bbox)) : [],
    // records received from partner deployments credit the agency that shared them
    wantsIncidents ? originCredits(db, incidentFilter(state, bbox)) : [],
    // the end year of the time range sets line widths from the published flows, as on the web map
    year === null ? null : flowsForYear(db, year, WIDTH_METRIC),
  ])
  const shares = flows ? flowShares(Object.fromEntries(flows)) : new Map<string, number>()
  return {
    countries: countries.map((c) => ({ ...(c.properties as Omit<BasemapCountry, 'geometry'>), geometry: c.geometry as MultiPolygon })),
    borders: borders?.map((b) => b.geometry as MultiLineString),
    routes: routes?.map((r) => ({ id: r.id, family: r.properties.family as string, kind: r.properties.kind as string, confidence: r.properties.confidence as string, geometry: r.geometry, segments: r.properties.segments as SegmentRef[] | undefined, flowShare: shares.get(r.id) })),
    flowYear: year ?? undefined,
    zone: zone?.geometry ?? null,
    places: places ?? undefined,
    // oldest last: newest incidents are drawn on top
    incidents: incidents?.features.map((f) => ({ lng: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] })).reverse(),
    hotspots: hotspots ?? undefined,
    plan,
    incidentCredits: [...credits, ...partnerCredits],
  }
}
