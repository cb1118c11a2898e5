// GET /api/countries and /api/borders: the basemap's countries and land borders as GeoJSON.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { listBorders, listCountries } from '../repos/countries.ts'
import { FeatureCollection } from './schemas.ts'

export const countryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/countries',
    { config: { embed: 'any' }, schema: { tags: ['basemap'], summary: 'Member states and neighbours (1:50m display shapes), names in en/fr/ar', response: { 200: FeatureCollection } } },
    async () => ({ type: 'FeatureCollection' as const, features: await listCountries(app.db) }),
  )

  app.get(
    '/api/borders',
    { config: { embed: 'any' }, schema: { tags: ['basemap'], summary: 'Land borders with their ISO3 pair and geodesic length_km', response: { 200: FeatureCollection } } },
    async () => ({ type: 'FeatureCollection' as const, features: await listBorders(app.db) }),
  )
}
