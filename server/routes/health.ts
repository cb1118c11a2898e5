// GET /api/health: liveness plus what the database holds.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { getDbStatus } from '../repos/health.ts'

const Health = Type.Object({
  status: Type.Literal('ok'),
  driver: Type.Union([Type.Literal('pglite'), Type.Literal('pg')]),
  postgis: Type.String(),
  counts: Type.Object({ countries: Type.Integer(), borders: Type.Integer(), places: Type.Integer(), routes: Type.Integer() }),
})

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/health', { schema: { tags: ['service'], summary: 'Service and database status', response: { 200: Health } } }, async () => {
    const { postgis, ...counts } = await getDbStatus(app.db)
    return { status: 'ok' as const, driver: app.db.driver, postgis, counts }
  })
}
