// The route catalogue: read (GET /api/routes, /api/routes/:id) and edit (POST, PUT, DELETE),
// with every version kept (GET /api/routes/:id/history).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { randomBytes } from 'node:crypto'
import { Type, type Static } from 'typebox'
import { LineInputError, parseLineInput } from '../geo/line-input.ts'
import { searchKey } from '../geo/search-key.ts'
import { CONFIDENCE, FAMILIES, KINDS, ROUTE_STATUSES, THREATS } from '../../shared/vocabulary.ts'
import { BadRequestError } from '../http-errors.ts'
import { createRoute, deleteRoute, flowsForYear, getRoute, listRoutes, RouteIdTakenError, routeFlows, routeHistory, updateRoute, type RouteInput } from '../repos/routes.ts'
import { audit } from '../repos/audit.ts'
import { ownerOf, SharingOptions } from './sharing.ts'
import { ErrorRef, Feature, FeatureCollection, ISO3 } from './schemas.ts'

const RouteQuery = Type.Object({
  family: Type.Optional(Type.Enum([...FAMILIES])),
  kind: Type.Optional(Type.Enum([...KINDS])),
  threat: Type.Optional(Type.Enum([...THREATS])),
  country: Type.Optional(ISO3),
  from: Type.Optional(Type.String({ format: 'date', description: 'YYYY-MM-DD: only routes whose period overlaps from..to' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'YYYY-MM-DD, inclusive' })),
})

const DateOrNull = Type.Union([Type.String({ format: 'date' }), Type.Null()])

const RouteId = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{2,99}$', description: 'kebab-case, 3 to 100 characters' })

const Source = Type.Object({
  publisher: Type.String({ minLength: 1, maxLength: 200 }),
  title: Type.String({ minLength: 1, maxLength: 500 }),
  year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
  url: Type.Optional(Type.String({ maxLength: 2000, pattern: '^https?://' })),
})

const Waypoint = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  iso3: Type.Optional(ISO3),
})

const RouteBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    family: Type.Enum([...FAMILIES]),
    kind: Type.Enum([...KINDS]),
    threats: Type.Array(Type.Enum([...THREATS]), { uniqueItems: true, description: 'at least one, unless forced' }),
    forced: Type.Optional(Type.Boolean({ description: 'refugee displacement or expulsion: no threat category applies' })),
    direction: Type.Enum(['forward', 'both']),
    confidence: Type.Enum([...CONFIDENCE]),
    geometry: Type.Unknown({ description: 'GeoJSON LineString, at most 10,000 vertices' }),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    confidence_note: Type.Optional(Type.String({ maxLength: 2000 })),
    sources: Type.Optional(Type.Array(Source, { maxItems: 50 })),
    waypoints: Type.Optional(Type.Array(Waypoint, { maxItems: 500 })),
    valid_from: Type.Optional(DateOrNull),
    valid_to: Type.Optional(DateOrNull),
    status: Type.Optional(Type.Enum([...ROUTE_STATUSES])),
  },
  { additionalProperties: false },
)
const NewRouteBody = Type.Object({ ...RouteBody.properties, id: Type.Optional(RouteId), ...SharingOptions }, { additionalProperties: false })

/** Checks the geometry the schema could not, and returns the repo's input. */
function routeInput(body: Static<typeof RouteBody>): RouteInput {
  if (body.threats.length === 0 && !body.forced) throw new BadRequestError('body.threats', 'threats must have at least one category (or the route must be forced: displacement or expulsion)')
  if (body.valid_from && body.valid_to && body.valid_from > body.valid_to) {
    throw new BadRequestError('body.valid_to', `valid_to (${body.valid_to}) is before valid_from (${body.valid_from})`)
  }
  try {
    const { geometry } = parseLineInput(body.geometry, { allowMulti: false, field: 'body.geometry' })
    return { ...(body as Omit<RouteInput, 'geometry'>), geometry: geometry as RouteInput['geometry'] }
  } catch (err) {
    if (err instanceof LineInputError) throw new BadRequestError(err.field, err.message)
    throw err
  }
}

export const catalogueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/routes',
    {
      config: { embed: 'any' },
      schema: {
        tags: ['routes'],
        summary: 'Catalogue routes, filtered by family, kind, threat and crossed country',
        querystring: RouteQuery,
        response: { 200: FeatureCollection, 400: ErrorRef },
      },
    },
    async (request) => {
      const { from, to } = request.query
      if (from && to && from > to) throw new BadRequestError('to', `to (${to}) is before from (${from})`)
      return { type: 'FeatureCollection' as const, features: await listRoutes(app.db, request.query) }
    },
  )

  app.get(
    '/api/routes/:id',
    {
      schema: {
        tags: ['routes'],
        summary: 'One catalogue route',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        response: { 200: Feature, 404: ErrorRef },
      },
    },
    async (request, reply) => (await getRoute(app.db, request.params.id)) ?? reply.notFound(`no route with id "${request.params.id}"`),
  )

  app.post(
    '/api/routes',
    {
      config: { access: 'edit-routes' },
      schema: {
        tags: ['routes'],
        summary: 'Create a route (id from the name unless given)',
        body: NewRouteBody,
        response: { 201: Feature, 400: ErrorRef, 409: ErrorRef },
      },
    },
    async (request, reply) => {
      const { id: givenId, sharing, partners, ...body } = request.body
      const owner = ownerOf(request.viewer, sharing, partners, 'body.')
      const id = givenId ?? `${searchKey(body.name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'route'}-${randomBytes(3).toString('hex')}`
      try {
        const route = await createRoute(app.db, id, routeInput(body), owner)
        await audit(app.serviceDb, request.viewer, 'route.create', `route:${id}`, { name: body.name, sharing: owner.sharing, partners: owner.partners })
        return reply.code(201).send(route)
      } catch (err) {
        if (err instanceof RouteIdTakenError) return reply.conflict(err.message)
        throw err
      }
    },
  )

  app.put(
    '/api/routes/:id',
    {
      config: { access: 'edit-routes' },
      schema: {
        tags: ['routes'],
        summary: 'Replace a route; the previous version stays in its history',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        body: RouteBody,
        response: { 200: Feature, 400: ErrorRef, 404: ErrorRef },
      },
    },
    async (request, reply) => {
      const route = await updateRoute(app.db, request.params.id, routeInput(request.body))
      if (!route) return reply.notFound(`no route with id "${request.params.id}"`)
      await audit(app.serviceDb, request.viewer, 'route.update', `route:${route.id}`, { version: route.properties.version })
      return route
    },
  )

  app.delete(
    '/api/routes/:id',
    {
      config: { access: 'edit-routes' },
      schema: {
        tags: ['routes'],
        summary: 'Delete a route; its history stays readable',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        response: { 204: Type.Null(), 404: ErrorRef },
      },
    },
    async (request, reply) => {
      if (!(await deleteRoute(app.db, request.params.id))) return reply.notFound(`no route with id "${request.params.id}"`)
      await audit(app.serviceDb, request.viewer, 'route.delete', `route:${request.params.id}`)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/route-flows',
    {
      config: { embed: 'any' },
      schema: {
        tags: ['routes'],
        summary: "Every route's published figure of one metric in one year (for line widths), route id to value",
        querystring: Type.Object({
          year: Type.Integer({ minimum: 1900, maximum: 2100 }),
          metric: Type.Optional(Type.Enum(['detections', 'deaths', 'flow_monitoring'], { default: 'detections' })),
        }),
        response: { 200: Type.Object({ year: Type.Integer(), metric: Type.String(), values: Type.Record(Type.String(), Type.Integer()) }), 400: ErrorRef },
      },
    },
    async (request) => {
      const { year, metric = 'detections' } = request.query
      return { year, metric, values: Object.fromEntries(await flowsForYear(app.db, year, metric)) }
    },
  )

  app.get(
    '/api/routes/:id/flows',
    {
      config: { embed: 'any' },
      schema: {
        tags: ['routes'],
        summary: 'Published yearly figures of a route (Frontex detections, IOM deaths, DTM counts), each with its source',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        response: {
          200: Type.Object({
            id: Type.String(),
            flows: Type.Array(Type.Object({
              year: Type.Integer(), metric: Type.String(), value: Type.Integer(), scope: Type.String(),
              source: Type.String(), source_year: Type.Integer(), url: Type.String(), licence: Type.String(),
            })),
          }),
          404: ErrorRef,
        },
      },
    },
    async (request, reply) => {
      if (!(await getRoute(app.db, request.params.id))) return reply.notFound(`no route with id "${request.params.id}"`)
      return { id: request.params.id, flows: await routeFlows(app.db, request.params.id) }
    },
  )

  app.get(
    '/api/routes/:id/history',
    {
      schema: {
        tags: ['routes'],
        summary: 'Every version of a route, newest first, deleted routes included',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        response: { 200: Type.Object({ id: Type.String(), versions: Type.Array(Type.Object({}, { additionalProperties: true })) }), 404: ErrorRef },
      },
    },
    async (request, reply) => {
      const versions = await routeHistory(app.db, request.params.id)
      if (versions.length === 0) return reply.notFound(`no route with id "${request.params.id}"`)
      return { id: request.params.id, versions }
    },
  )
}
