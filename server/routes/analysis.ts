// Route analysis: a catalogue route or a drawn line (length, countries, border crossings, places
// and shared corridors), the routes near a point, and the routes crossing one border.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { LineString } from 'geojson'
import { Type } from 'typebox'
import { densifyLineInput, LineInputError, parseLineInput } from '../geo/line-input.ts'
import { BadRequestError } from '../http-errors.ts'
import { analyseLine, borderCrossingRoutes, borderExists, routesNear } from '../repos/analysis.ts'
import { countryExists } from '../repos/countries.ts'
import { getRoute } from '../repos/routes.ts'
import { ErrorRef, ISO3 } from './schemas.ts'

const CorridorQuery = Type.Object({
  corridor_km: Type.Number({ minimum: 1, maximum: 200, default: 25, description: 'half-width of the corridor in km' }),
})
const Analysis = Type.Object({}, { additionalProperties: true, description: 'length_km, countries, border_crossings, places_along, corridor, shared_corridors, in_zone_km' })

export const analysisRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/routes/:id/analysis',
    {
      schema: {
        tags: ['analysis'],
        summary: 'What a catalogue route crosses, where, and what lies along it',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        querystring: CorridorQuery,
        response: { 200: Analysis, 400: ErrorRef, 404: ErrorRef },
      },
    },
    async (request, reply) => {
      const route = await getRoute(app.db, request.params.id)
      if (!route) return reply.notFound(`no route with id "${request.params.id}"`)
      const line = route.geometry as LineString
      const analysis = await analyseLine(app.db, line, [line.coordinates], { corridorKm: request.query.corridor_km, routeId: route.id })
      return { route: { id: route.id, name: route.properties.name }, ...analysis }
    },
  )

  app.post(
    '/api/analysis/route',
    {
      config: { access: 'read' },
      schema: {
        tags: ['analysis'],
        summary: 'The same analysis for a drawn GeoJSON LineString or MultiLineString (bare or as a Feature)',
        querystring: CorridorQuery,
        body: Type.Unknown({ description: 'GeoJSON LineString, MultiLineString or a Feature of one; at most 10,000 vertices. Edges are read as drawn on the map (straight in longitude/latitude): the line is densified to 0.1° edges before it is measured' }),
        response: { 200: Analysis, 400: ErrorRef },
      },
    },
    async (request) => {
      let input
      try {
        // drawn on a Mercator map as straight lines: densified so PostGIS measures the same shape
        input = densifyLineInput(parseLineInput(request.body, { field: 'body' }), { field: 'body' })
      } catch (err) {
        if (err instanceof LineInputError) throw new BadRequestError(err.field, err.message)
        throw err
      }
      return { route: null, ...(await analyseLine(app.db, input.geometry, input.parts, { corridorKm: request.query.corridor_km })) }
    },
  )

  app.get(
    '/api/analysis/near',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Catalogue routes within radius_km of a point, nearest first',
        querystring: Type.Object({
          lng: Type.Number({ minimum: -180, maximum: 180 }),
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          radius_km: Type.Number({ minimum: 1, maximum: 500, default: 50 }),
        }),
        response: { 200: Type.Object({ routes: Type.Array(Type.Object({}, { additionalProperties: true })) }), 400: ErrorRef },
      },
    },
    async (request) => ({ routes: await routesNear(app.db, [request.query.lng, request.query.lat], request.query.radius_km) }),
  )

  app.get(
    '/api/borders/:a/:b/crossings',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Every catalogue route crossing the land border between two countries (either order)',
        params: Type.Object({ a: ISO3, b: ISO3 }),
        response: { 200: Type.Object({}, { additionalProperties: true }), 400: ErrorRef, 404: ErrorRef },
      },
    },
    async (request, reply) => {
      const [a, b] = [request.params.a, request.params.b].sort()
      for (const [field, iso3] of [['a', request.params.a], ['b', request.params.b]] as const) {
        if (!(await countryExists(app.db, iso3))) throw new BadRequestError(field, `${field} is not a known country: ${iso3}`)
      }
      if (!(await borderExists(app.db, a, b))) return reply.notFound(`${a} and ${b} share no land border`)
      return { border: { a_iso3: a, b_iso3: b }, routes: await borderCrossingRoutes(app.db, a, b) }
    },
  )
}
