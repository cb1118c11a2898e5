// GET /api/health (liveness: the process answers, with what the database holds when it can say)
// and GET /api/ready (readiness: the database answers now; 503 with Retry-After when it does not).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { isDbUnavailable, RETRY_AFTER_S } from '../db/errors.ts'
import { getDbStatus, pingDb } from '../repos/health.ts'
import { ErrorRef } from './schemas.ts'

const Health = Type.Object({
  status: Type.Literal('ok'),
  driver: Type.Union([Type.Literal('pglite'), Type.Literal('pg')]),
  database: Type.Union([Type.Literal('up'), Type.Literal('unavailable')]),
  postgis: Type.Optional(Type.String()),
  counts: Type.Optional(Type.Object({ countries: Type.Integer(), borders: Type.Integer(), places: Type.Integer(), routes: Type.Integer() })),
})

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['service'], summary: 'Liveness, with the database status and what it holds', response: { 200: Health } } },
    async () => {
      try {
        const { postgis, ...counts } = await getDbStatus(app.db)
        return { status: 'ok' as const, driver: app.db.driver, database: 'up' as const, postgis, counts }
      } catch (err) {
        if (!isDbUnavailable(err)) throw err
        return { status: 'ok' as const, driver: app.db.driver, database: 'unavailable' as const }
      }
    },
  )

  app.get(
    '/api/ready',
    {
      config: { access: 'public' },
      schema: {
        tags: ['service'],
        summary: 'Readiness: 200 when the database answers, 503 with Retry-After when it does not',
        response: { 200: Type.Object({ status: Type.Literal('ready') }), 503: ErrorRef },
      },
    },
    async (_request, reply) => {
      try {
        await pingDb(app.db)
        return { status: 'ready' as const }
      } catch (err) {
        if (!isDbUnavailable(err)) throw err
        return reply.code(503).header('Retry-After', String(RETRY_AFTER_S)).send({ statusCode: 503, error: 'Service Unavailable', message: 'the database is not reachable' })
      }
    },
  )
}
