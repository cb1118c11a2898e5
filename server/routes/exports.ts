// GET /api/exports/{routes|incidents|hotspots|plan}.{geojson|csv|kml}: what a map state shows,
// as files: routes, filtered incidents, hotspot cells as hexagons, plan sites with their reach.
import { audit } from '../repos/audit.ts'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { planCsv, planGeoJson, planKml, type ExportPlan } from '../geo/coverage/plan-export.ts'
import { toCsv, toGeoJson, toKml, type ExportRecord } from '../geo/export-formats.ts'
import { hotspotRecords, incidentRecords, routeRecords } from '../geo/export-layers.ts'
import type { MapState } from '../../shared/map-state.ts'
import { viewBbox } from '../geo/static-map/projection.ts'
import { BadRequestError } from '../http-errors.ts'
import { creditsFor } from '../repos/hotspots.ts'
import { getPlan } from '../repos/patrols.ts'
import { hotspotCells, incidentFilter, incidentsInView, MAX_INCIDENTS, routesInView } from '../repos/static-map.ts'
import type { Db } from '../db/types.ts'
import { AGGREGATION_NOTE } from './hotspots.ts'
import { planId } from './maps.ts'
import { MapStateFields, mapStateOf } from './map-state-query.ts'
import { ErrorRef } from './schemas.ts'

const LAYERS = ['routes', 'incidents', 'hotspots', 'plan'] as const
const FORMATS = ['geojson', 'csv', 'kml'] as const
type Format = (typeof FORMATS)[number]

const TYPES: Record<Format, string> = {
  geojson: 'application/geo+json',
  csv: 'text/csv; charset=utf-8',
  kml: 'application/vnd.google-earth.kml+xml',
}

const ROUTE_CREDIT = 'Sahel Routes route catalogue (sources cited per route)'

interface Layer {
  name: string
  records: ExportRecord[]
  credits: string[]
  note?: string
}

function write(format: Format, layer: Layer): string {
  if (format === 'geojson') return JSON.stringify(toGeoJson(layer.records, { name: layer.name, credits: layer.credits, ...(layer.note ? { note: layer.note } : {}) }))
  if (format === 'csv') return toCsv(layer.records)
  return toKml(layer.name, layer.records, [`Credits: ${layer.credits.join('; ')}`, layer.note].filter(Boolean).join('. '))
}

async function layerOf(db: Db, layer: 'routes' | 'incidents' | 'hotspots', state: MapState, bbox: [number, number, number, number]): Promise<Layer> {
  if (layer === 'routes') return { name: 'Routes', records: routeRecords(await routesInView(db, state, bbox)), credits: [ROUTE_CREDIT] }
  const credits = (await creditsFor(db, incidentFilter(state, bbox))).map((c) => c.credit)
  if (layer === 'incidents') {
    const { features, truncated } = await incidentsInView(db, state, bbox)
    if (truncated) throw new BadRequestError('bbox', `more than ${MAX_INCIDENTS} incidents in the view: narrow the view, dates or filters`)
    return { name: 'Incidents', records: incidentRecords(features), credits }
  }
  const { res, cells } = await hotspotCells(db, state, bbox)
  return { name: `Incidents per H3 cell (res ${res})`, records: hotspotRecords(res, cells), credits, note: AGGREGATION_NOTE }
}

export const exportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/exports/:layer.:format',
    {
      config: { access: 'export' },
      schema: {
        tags: ['exports'],
        summary: 'A layer of the map state as GeoJSON, CSV (formula-safe) or KML 2.2: routes, incidents, hotspot cells, plan sites',
        params: Type.Object({ layer: Type.Enum([...LAYERS]), format: Type.Enum([...FORMATS]) }),
        querystring: Type.Object({
          ...MapStateFields,
          width: Type.Integer({ minimum: 1, maximum: 4000, default: 1280, description: 'viewport px of a centre+zoom view' }),
          height: Type.Integer({ minimum: 1, maximum: 4000, default: 800, description: 'viewport px of a centre+zoom view' }),
        }),
        response: { 200: Type.String(), 400: ErrorRef, 404: ErrorRef },
      },
    },
    async (request, reply) => {
      const { layer, format } = request.params
      const state = mapStateOf(request.query)
      let body: string
      if (layer === 'plan') {
        const id = planId(state)
        if (id === null) throw new BadRequestError('plan', 'plan is required to export plan sites')
        const plan = await getPlan(app.db, id)
        if (!plan) return reply.notFound(`no plan with id ${id}`)
        const result = plan.result as { radius_km: number; sites: ExportPlan['sites'] }
        const p: ExportPlan = { id: plan.id, name: plan.name, radius_km: result.radius_km, sites: result.sites }
        body = format === 'geojson' ? JSON.stringify(planGeoJson(p)) : format === 'csv' ? planCsv(p) : planKml(p)
      } else {
        body = write(format, await layerOf(app.db, layer, state, viewBbox(state.view, request.query.width, request.query.height)))
      }
      await audit(app.serviceDb, request.viewer, 'export', `${layer}.${format}`, { query: request.query })
      return reply.type(TYPES[format]).header('content-disposition', `attachment; filename="${layer}.${format}"`).send(body)
    },
  )
}
