// GET /api/routes and /api/routes/:id: the curated route catalogue as GeoJSON.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { FAMILIES, KINDS, THREATS } from '../geo/vocabulary.ts'
import { getRoute, listRoutes } from '../repos/routes.ts'
import { ErrorRef, Feature, FeatureCollection, ISO3 } from './schemas.ts'

const RouteQuery = Type.Object({
  family: Type.Optional(Type.Enum([...FAMILIES])),
  kind: Type.Optional(Type.Enum([...KINDS])),
  threat: Type.Optional(Type.Enum([...THREATS])),
  country: Type.Optional(ISO3),
})

export const catalogueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/routes',
    {
      schema: {
        tags: ['routes'],
        summary: 'Catalogue routes, filtered by family, kind, threat and crossed country',
        querystring: RouteQuery,
        response: { 200: FeatureCollection, 400: ErrorRef },
      },
    },
    async (request) => ({ type: 'FeatureCollection' as const, features: await listRoutes(app.db, request.query) }),
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
}
