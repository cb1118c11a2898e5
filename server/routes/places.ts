// GET /api/places?q=&bbox=&limit=: GeoNames towns and curated desert hubs by name and area.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { parseBbox } from '../../shared/bbox.ts'
import { parseField } from '../http-errors.ts'
import { searchPlaces } from '../repos/places.ts'
import { ErrorRef, FeatureCollection } from './schemas.ts'

const PlaceQuery = Type.Object({
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'part of a name; accents and case are ignored' })),
  bbox: Type.Optional(Type.String({ description: 'west,south,east,north in degrees' })),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 20 }),
})

export const placeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/places',
    { schema: { tags: ['basemap'], summary: 'Search places by name and bbox', querystring: PlaceQuery, response: { 200: FeatureCollection, 400: ErrorRef } } },
    async (request) => {
      const { q, limit } = request.query
      const bbox = request.query.bbox === undefined ? undefined : parseField('bbox', () => parseBbox(request.query.bbox!))
      return { type: 'FeatureCollection' as const, features: await searchPlaces(app.db, { q, bbox, limit }) }
    },
  )
}
