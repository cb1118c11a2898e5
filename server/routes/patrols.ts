// Joint patrol siting: POST /api/patrols/plan computes where k patrol bases of a given reach
// cover the most incident and route demand; /api/plans saves, reopens and exports plans
// (GeoJSON, CSV, KML with geodesic coverage circles).
import { audit } from '../repos/audit.ts'
import { ownerOf } from './sharing.ts'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { planCsv, planGeoJson, planKml, type ExportPlan } from '../geo/coverage/plan-export.ts'
import { BadRequestError } from '../http-errors.ts'
import { planPatrols, type PlanResult } from '../patrols/plan.ts'
import type { PlanRequest } from '../patrols/types.ts'
import { getPlan, insertPlan } from '../repos/patrols.ts'
import { metricField } from './hotspots.ts'
import { Plan, PlanBody, type PlanBodyT, SavedPlan, SavePlanBody } from './patrol-schemas.ts'
import { ErrorRef } from './schemas.ts'

function realDate(field: string, text: string | undefined): string | undefined {
  const d = text === undefined ? null : new Date(`${text}T00:00:00Z`)
  if (d && (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text)) {
    throw new BadRequestError(field, `${field} must be a real date YYYY-MM-DD, got "${text}"`)
  }
  return text
}

/** The request in the service's terms; dates are checked here, countries and borders by the service. */
function parsePlanBody(b: PlanBodyT): PlanRequest {
  const inc = b.demand.incidents
  const from = realDate('body.demand.incidents.from', inc?.from)
  const to = realDate('body.demand.incidents.to', inc?.to)
  if (from && to && from > to) throw new BadRequestError('body.demand.incidents.to', `to must not be before from, got ${from} .. ${to}`)
  const exclude = b.candidates.exclude ?? []
  return {
    k: b.k,
    radiusKm: b.radius_km,
    method: b.method,
    timeLimitS: b.time_limit_s,
    lpBound: b.lp_bound,
    minSpacingKm: b.min_spacing_km,
    existing: b.existing_sites,
    demand: {
      h3Res: b.demand.h3_res,
      incidents: inc
        ? { weight: inc.weight, sum: metricField(inc.metric), filter: { from, to, threats: inc.threats, sources: inc.sources, routeFamilies: inc.route_families } }
        : null,
      routes: b.demand.route_km ? { weight: b.demand.route_km.weight, families: b.demand.route_km.families ?? null } : null,
    },
    candidates: {
      h3Res: b.candidates.h3_res,
      pairs: (b.candidates.border_pairs as [string, string][] | undefined) ?? null,
      borderKm: b.candidates.border_km,
      countries: b.candidates.countries ?? null,
      polygon: b.candidates.polygon ?? null,
      exclude: exclude.length === 0 ? null : { type: 'MultiPolygon', coordinates: exclude.flatMap((p) => (p.type === 'Polygon' ? [p.coordinates] : p.coordinates)) },
    },
  }
}

const FORMATS = {
  geojson: { type: 'application/geo+json', body: (p: ExportPlan) => JSON.stringify(planGeoJson(p)) },
  csv: { type: 'text/csv; charset=utf-8', body: planCsv },
  kml: { type: 'application/vnd.google-earth.kml+xml', body: planKml },
} as const

export const patrolRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/patrols/plan',
    {
      config: { access: 'plan' },
      schema: {
        tags: ['patrols'],
        summary: 'Where k patrol sites of a given reach cover the most demand near the chosen borders (maximal covering)',
        body: PlanBody,
        response: { 200: Plan, 400: ErrorRef },
      },
    },
    async (request) => planPatrols(app.db, parsePlanBody(request.body)),
  )

  app.post(
    '/api/plans',
    {
      config: { access: 'plan' },
      schema: {
        tags: ['patrols'],
        summary: 'Save a plan with the request it answers',
        body: SavePlanBody,
        response: { 201: Type.Object({ id: Type.Integer(), created_at: Type.String() }), 400: ErrorRef },
      },
    },
    async (request, reply) => {
      const { name, request: planRequest, result, sharing, partners } = request.body
      const owner = ownerOf(request.viewer, sharing, partners, 'body.')
      const saved = await insertPlan(app.db, name, planRequest, result, owner)
      await audit(app.serviceDb, request.viewer, 'plan.create', `plan:${saved.id}`, { name, sites: result.sites.length, sharing: owner.sharing, partners: owner.partners })
      return reply.code(201).send(saved)
    },
  )

  app.get(
    '/api/plans/:id',
    {
      config: { embed: 'plan' },
      schema: {
        tags: ['patrols'],
        summary: 'A saved plan',
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) }),
        response: { 200: SavedPlan, 400: ErrorRef, 404: ErrorRef },
      },
    },
    async (request, reply) => (await getPlan(app.db, request.params.id)) ?? reply.notFound(`no plan with id ${request.params.id}`),
  )

  app.get(
    '/api/plans/:id.:format',
    {
      config: { access: 'export' },
      schema: {
        tags: ['patrols'],
        summary: 'A saved plan as GeoJSON, CSV or KML: sites and their 64-point geodesic coverage circles',
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }), format: Type.Union([Type.Literal('geojson'), Type.Literal('csv'), Type.Literal('kml')]) }),
        response: { 200: Type.String(), 400: ErrorRef, 404: ErrorRef },
      },
    },
    async (request, reply) => {
      const plan = await getPlan(app.db, request.params.id)
      if (!plan) return reply.notFound(`no plan with id ${request.params.id}`)
      const result = plan.result as PlanResult
      const format = FORMATS[request.params.format]
      await audit(app.serviceDb, request.viewer, 'export', `plan:${plan.id}.${request.params.format}`)
      return reply
        .type(format.type)
        .header('content-disposition', `attachment; filename="plan-${plan.id}.${request.params.format}"`)
        .send(format.body({ id: plan.id, name: plan.name, radius_km: result.radius_km, sites: result.sites }))
    },
  )
}
