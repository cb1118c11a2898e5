// Everything a report shows, read through the request's scoped db (row-level security applies to
// every query): the regional map (the static map pipeline), incident series for the period and the
// previous period of equal length (server/repos/series.ts, as GET /api/incidents/series), emerging
// hot spots (as GET /api/hotspots/trends), the routes of the region with their figures (as
// GET /api/routes/:id/analysis), the latest saved plan (as GET /api/plans/:id), the credits and
// the most restricted sharing level of what is shown.
import { cellToLatLng } from 'h3-js'
import type { LineString } from 'geojson'
import { SHARING_LEVELS, type Sharing } from '../../shared/access.ts'
import type { Bbox } from '../../shared/bbox.ts'
import { MAP_LAYERS, type MapLayer, type MapState } from '../../shared/map-state.ts'
import { sqlFile } from '../db/sql-files.ts'
import type { Db } from '../db/types.ts'
import { viewBbox } from '../geo/static-map/projection.ts'
import { renderStaticMap, staticMapFrame, type StaticMap } from '../geo/static-map/render.ts'
import { binSequence, type TimeBin } from '../geo/time-bins.ts'
import { emergingHotspots, type TrendCell } from '../geo/trends.ts'
import { lineFiguresOf } from '../repos/analysis.ts'
import { listCountries } from '../repos/countries.ts'
import { aggregateCellBins, creditsFor, hotspotLimits } from '../repos/hotspots.ts'
import { filterParams, type IncidentFilter } from '../repos/incidents.ts'
import { getPlan, latestPlanId, pointCountries, type SavedPlan } from '../repos/patrols.ts'
import { incidentSeries, type IncidentSeries } from '../repos/series.ts'
import { DEFAULT_HOTSPOT_RES, gatherStaticMap, incidentFilter, planForMap, routesInView } from '../repos/static-map.ts'
import type { ReportRequest } from './request.ts'

/** Viewport a centre+zoom state is read in, px, as the exports read it. */
const VIEW_PX = [1280, 800] as const
/** Emerging hot spots listed. */
export const TOP_HOTSPOTS = 10
/** Map picture size in px (SVG units) per PDF point of width: 1200 px over an A4 portrait text width. */
export const MAP_PX_PER_PT = 2.2

export interface ReportRoute {
  id: string
  name: string
  family: string
  lengthKm: number
  countries: string[]
  crossings: number
}

export interface ReportData {
  request: ReportRequest
  /** the region: the state's bbox, or what its centre and zoom show */
  bbox: Bbox
  filter: IncidentFilter
  previousFilter: IncidentFilter
  bucket: TimeBin
  byCountry: IncidentSeries
  byFamily: IncidentSeries
  previousByCountry: IncidentSeries
  previousByFamily: IncidentSeries
  byThreat: IncidentSeries
  trends: { res: number; bins: string[]; cells: (TrendCell & { country: string | null })[] }
  routes: ReportRoute[]
  plan: SavedPlan | null
  map: StaticMap | null
  /** the map's size in px */
  mapPx: { width: number; height: number }
  countryNames: Map<string, string>
  /** dataset credit lines and the map's own credits, once each */
  credits: string[]
  sharing: { level: Sharing; partners: string[] }
}

/** The period of equal length just before [from, to]. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const day = 86_400_000
  const start = Date.parse(`${from}T00:00:00Z`)
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / day) + 1
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10)
  return { from: iso(start - days * day), to: iso(start - day) }
}

/** Months for up to three years, quarters beyond. */
export function bucketFor(from: string, to: string): TimeBin {
  return binSequence(from, to, 'month').length <= 36 ? 'month' : 'quarter'
}

/** The map's layers: the state's, with hotspots and routes always drawn. */
function mapLayers(state: MapState, withPlan: boolean): MapLayer[] {
  const wanted = new Set<MapLayer>([...state.layers, 'hotspots', 'routes', 'borders'])
  if (!withPlan) wanted.delete('plan')
  return MAP_LAYERS.filter((l) => wanted.has(l))
}

const RESTRICTION: Sharing[] = [...SHARING_LEVELS] // national (most restricted) first

async function sharingOf(db: Db, filter: IncidentFilter, routes: { sharing: string; partners: string[] }[], plan: SavedPlan | null) {
  const rows = await db.query<{ sharing: Sharing; partners: string[] | null }>(sqlFile('reports/sharing-levels'), filterParams(filter))
  const all = [...rows.map((r) => ({ sharing: r.sharing, partners: r.partners ?? [] })), ...routes, ...(plan ? [plan as unknown as { sharing: string; partners: string[] }] : [])]
  const level = RESTRICTION.find((l) => all.some((r) => r.sharing === l)) ?? 'public'
  const partners = [...new Set(all.filter((r) => r.sharing === level).flatMap((r) => r.partners ?? []))].sort()
  return { level, partners: level === 'bilateral' ? partners : [] }
}

/** The top emerging hot spots: hot categories first by pattern, then by incidents. */
const PATTERN_ORDER = ['new', 'intensifying', 'persistent', 'consecutive', 'oscillating', 'sporadic', 'diminishing', 'historical']
function topHotspots(cells: TrendCell[]): TrendCell[] {
  const rank = (c: TrendCell) => PATTERN_ORDER.indexOf(c.category.replace(/_hot$/, ''))
  return cells.filter((c) => c.category.endsWith('_hot')).sort((a, b) => rank(a) - rank(b) || b.n - a.n || (a.h3 < b.h3 ? -1 : 1)).slice(0, TOP_HOTSPOTS)
}

/** Reads what the report needs; the map is rendered to SVG here (the PDF rasterises it). */
export async function gatherReport(db: Db, req: ReportRequest, contentWidthPt: number, mapHeightPt: number): Promise<ReportData> {
  const state = req.state
  const bbox = viewBbox(state.view, VIEW_PX[0], VIEW_PX[1])
  const filter = incidentFilter(state, bbox)
  const prev = previousPeriod(req.period.from, req.period.to)
  const previousFilter = { ...filter, ...prev }
  const bucket = bucketFor(req.period.from, req.period.to)
  const lang = state.lang
  const wants = (s: string) => req.sections.includes(s as never)
  const res = state.hotspots.res ?? DEFAULT_HOTSPOT_RES

  const mapPx = { width: Math.round(contentWidthPt * MAP_PX_PER_PT), height: Math.round(mapHeightPt * MAP_PX_PER_PT) }

  // Independent reads go out together: the pg pool runs them on parallel connections (each in its
  // own scoped transaction), PGlite queues them on its one connection.
  const planStep = (async () => {
    const planId = state.plan !== null && /^\d+$/.test(state.plan) ? Number(state.plan) : await latestPlanId(db)
    return planId === null ? null : await getPlan(db, planId)
  })()
  const routesStep = routesInView(db, state, bbox)
  const mapStep = wants('map')
    ? planStep.then(async (plan) => {
        const mapState: MapState = { ...state, layers: mapLayers(state, plan !== null), plan: plan ? String(plan.id) : null, title: null }
        const frame = staticMapFrame({ state: mapState, widthPx: mapPx.width, heightPx: mapPx.height, title: null, subtitle: null, banner: null, date: req.date })
        const mapPlan = plan ? await planForMap(db, plan.id) : null
        return renderStaticMap(frame, await gatherStaticMap(db, mapState, frame.bbox, mapPlan))
      })
    : null
  const routeFiguresStep = wants('routes')
    ? routesStep.then((features) => lineFiguresOf(db, features.map((r) => ({ id: r.id, geometry: r.geometry as LineString }))))
    : null
  const series = (f: IncidentFilter, split: 'country' | 'family' | 'threat') => incidentSeries(db, f, { bucket, split, lang })
  const [byCountry, byFamily, previousByCountry, previousByFamily, byThreat, countries, datasetCredits, routeFeatures, cellBins, plan, map, routeFigures] = await Promise.all([
    series(filter, 'country'),
    series(filter, 'family'),
    series(previousFilter, 'country'),
    series(previousFilter, 'family'),
    wants('charts') ? series(filter, 'threat') : null,
    listCountries(db),
    creditsFor(db, filter),
    routesStep,
    wants('hotspots') ? aggregateCellBins(db, res, filter, bucket) : [],
    planStep,
    mapStep,
    routeFiguresStep,
  ])

  const bins = cellBins.length === 0 ? [] : binSequence(req.period.from, req.period.to, bucket)
  const top = cellBins.length === 0 ? [] : topHotspots(emergingHotspots(cellBins, bins, 1))
  const nameKey = lang === 'fr' ? 'name_fr' : lang === 'ar' ? 'name_ar' : 'name_en'
  const credits = [...new Set([...(map?.credits ?? []), ...datasetCredits.map((c) => c.credit)])]
  const [cellCountries, sharing] = await Promise.all([
    top.length ? pointCountries(db, top.map((c) => [cellToLatLng(c.h3)[1], cellToLatLng(c.h3)[0]])) : [],
    sharingOf(
      db,
      filter,
      routeFeatures.map((r) => ({ sharing: r.properties.sharing as string, partners: (r.properties.partners as string[]) ?? [] })),
      wants('plan') ? plan : null,
    ),
  ])

  const routes: ReportRoute[] = routeFeatures.flatMap((r) => {
    const f = routeFigures?.get(r.id)
    if (!f) return []
    return [{ id: r.id, name: r.properties.name as string, family: r.properties.family as string, lengthKm: f.length_km, countries: f.countries.flatMap((c) => (c.iso3 === null ? [] : [c.iso3])), crossings: f.border_crossings.length }]
  })
  return {
    request: req,
    bbox,
    filter,
    previousFilter,
    bucket,
    byCountry,
    byFamily,
    previousByCountry,
    previousByFamily,
    byThreat: byThreat ?? { periods: [], series: [], casualtyIncidents: 0, deadIncidents: 0, missingIncidents: 0, yearPrecise: 0 },
    trends: { res: hotspotLimits(res).h3Res, bins, cells: top.map((c, i) => ({ ...c, country: cellCountries[i] ?? null })) },
    routes,
    plan,
    map,
    mapPx,
    countryNames: new Map(countries.map((c) => [c.properties.iso3 as string, (c.properties[nameKey] as string) ?? (c.properties.iso3 as string)])),
    credits,
    sharing,
  }
}
