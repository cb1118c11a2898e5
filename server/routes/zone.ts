// GET /api/zone: the operational zone polygon and its geodesic area.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { getZone } from '../repos/zones.ts'
import { ErrorRef, Feature } from './schemas.ts'

export const zoneRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/zone',
    { config: { embed: 'any' }, schema: { tags: ['basemap'], summary: 'The Sahel-Saharan operational zone with area_km2', response: { 200: Feature, 404: ErrorRef } } },
    async (_request, reply) => (await getZone(app.db)) ?? reply.notFound('the operational zone is not loaded'),
  )
}
