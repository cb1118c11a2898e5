// GET /api/incidents/series: incidents (and their dead and missing) per month or quarter for the
// incident filters, split by threat, route family, country or exchange origin, optionally near
// one route: what the charts draw.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { LANGUAGES } from '../../shared/map-state.ts'
import { getRoute } from '../repos/routes.ts'
import { incidentSeries, SERIES_BUCKETS, SERIES_SPLITS } from '../repos/series.ts'
import { sendCachedJson } from './cached-answer.ts'
import { FilterQuery, parseFilter } from './incidents.ts'
import { ErrorRef } from './schemas.ts'

const literals = <T extends string>(values: readonly T[], description: string, fallback: T) =>
  Type.Union(values.map((v) => Type.Literal(v)), { default: fallback, description })

const SeriesQuery = Type.Object({
  ...FilterQuery,
  bucket: literals(SERIES_BUCKETS, 'time bucket: month or quarter', 'month'),
  split: literals(SERIES_SPLITS, 'one series per threat, route family, country (where the incident is), origin (exchange partner state; local = made here), or none', 'none'),
  route: Type.Optional(Type.String({ pattern: '^[a-z0-9_.-]{1,100}$', description: 'only incidents within corridor_km of this catalogue route' })),
  corridor_km: Type.Number({ minimum: 1, maximum: 200, default: 25, description: 'half-width of the route corridor, km (with route)' }),
  lang: literals(LANGUAGES, 'language of country labels', 'en'),
})

const Values = Type.Array(Type.Number())

const Series = Type.Object({
  bucket: Type.String(),
  split: Type.String(),
  periods: Type.Array(Type.String({ description: 'YYYY-MM or YYYY-Qn' })),
  series: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), values: Values, dead: Values, missing: Values })),
  casualty_incidents: Type.Integer({ description: 'incidents with a dead or missing figure; 0: the data has none' }),
  year_precise: Type.Integer({ description: 'incidents dated only to a year, left out of every period' }),
})

export const seriesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/incidents/series',
    {
      config: { embed: 'any' },
      schema: {
        tags: ['incidents'],
        summary: 'Incidents, dead and missing per month or quarter, split by threat, route family, country or origin',
        querystring: SeriesQuery,
        response: { 200: Series, 400: ErrorRef, 404: ErrorRef },
      },
    },
    async (request, reply) => {
      const { bucket, split, route, corridor_km: corridorKm, lang } = request.query
      const filter = parseFilter(request.query)
      if (route !== undefined && !(await getRoute(app.db, route))) return reply.notFound(`no route with id "${route}"`)
      return sendCachedJson(app, request, reply, ['incidents', 'routes'], async () => {
        const s = await incidentSeries(app.db, filter, { bucket, split, lang, route: route === undefined ? undefined : { id: route, corridorKm } })
        return { bucket, split, periods: s.periods, series: s.series, casualty_incidents: s.casualtyIncidents, year_precise: s.yearPrecise }
      })
    },
  )
}
