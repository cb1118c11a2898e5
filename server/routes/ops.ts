// Operations endpoints: Prometheus metrics, and a consistent backup of the running service's
// database (the only way to back up an embedded database the service has open). See
// docs/operations.md.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { createHash, timingSafeEqual } from 'node:crypto'
import { createReadStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Type } from 'typebox'
import { SECRETARIAT_AGENCY_ID } from '../../shared/access.ts'
import { credentialOf } from '../auth/access-control.ts'
import type { Family } from '../metrics.ts'
import { backupToFile } from '../ops/archive-file.ts'
import { audit } from '../repos/audit.ts'
import { importTotals } from '../repos/metrics.ts'
import { ErrorRef } from './schemas.ts'

export interface OpsOptions {
  /** METRICS_TOKEN: opens /metrics when AUTH=on */
  metricsToken?: string | null
}

const MetricsText = Type.String({ description: 'Prometheus text exposition format 0.0.4' })

/** Whether two secrets are equal, in time independent of where they differ. */
function sameSecret(a: string, b: string): boolean {
  const [ha, hb] = [createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest()]
  return timingSafeEqual(ha, hb)
}

export const opsRoutes: FastifyPluginAsyncTypebox<OpsOptions> = async (app, { metricsToken = null }) => {
  async function gather(): Promise<Family[]> {
    const db = app.serviceDb.stats?.() ?? { total: 0, idle: 0, waiting: 0 }
    const driver = app.serviceDb.driver
    const imports = await importTotals(app.serviceDb)
    const cache = app.tileCache
    const memory = process.memoryUsage()
    return [
      { name: 'sahel_db_connections', help: 'Database connections of this process by state (pg pool; PGlite has one).', type: 'gauge', samples: [{ labels: { driver, state: 'total' }, value: db.total }, { labels: { driver, state: 'idle' }, value: db.idle }] },
      { name: 'sahel_db_waiting', help: 'Queries waiting for a connection (pg pool) or queued behind the running one (PGlite).', type: 'gauge', samples: [{ labels: { driver }, value: db.waiting }] },
      { name: 'sahel_imports', help: 'Imports recorded in the database, by status (every agency, every replica).', type: 'gauge', samples: imports.map((i) => ({ labels: { status: i.status }, value: i.imports })) },
      {
        name: 'sahel_import_rows',
        help: 'Rows of the recorded imports by outcome: read, inserted, updated, unchanged, rejected (every agency, every replica).',
        type: 'gauge',
        samples: imports.flatMap((i) => (['rows_read', 'inserted', 'updated', 'unchanged', 'rejected'] as const).map((k) => ({ labels: { status: i.status, outcome: k === 'rows_read' ? 'read' : k }, value: i[k] }))),
      },
      { name: 'sahel_tile_cache_hits_total', help: 'Tile lookups answered from this process\'s tile cache.', type: 'counter', samples: [{ value: cache.hits }] },
      { name: 'sahel_tile_cache_misses_total', help: 'Tile lookups the tile cache could not answer (the tile was built).', type: 'counter', samples: [{ value: cache.misses }] },
      { name: 'sahel_tile_cache_entries', help: 'Tiles held in the tile cache.', type: 'gauge', samples: [{ value: cache.size }] },
      { name: 'sahel_tile_cache_bytes', help: 'Bytes of tiles held in the tile cache.', type: 'gauge', samples: [{ value: cache.sizeBytes }] },
      { name: 'process_resident_memory_bytes', help: 'Resident memory of this process.', type: 'gauge', samples: [{ value: memory.rss }] },
      { name: 'nodejs_heap_used_bytes', help: 'V8 heap in use.', type: 'gauge', samples: [{ value: memory.heapUsed }] },
      { name: 'process_uptime_seconds', help: 'Seconds since this process started.', type: 'gauge', samples: [{ value: Math.round(process.uptime()) }] },
    ]
  }

  app.get(
    '/metrics',
    {
      config: { access: 'public' },
      schema: {
        tags: ['ops'],
        summary: 'Prometheus metrics; with AUTH=on it needs "Authorization: Bearer <METRICS_TOKEN>" (or use /api/admin/metrics as an admin)',
        response: { 200: MetricsText, 401: ErrorRef, 403: ErrorRef },
      },
    },
    async (request, reply) => {
      if (app.authMode) {
        if (metricsToken === null) return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'with AUTH=on, /metrics needs METRICS_TOKEN set on the service (or read /api/admin/metrics with an admin token)' })
        const sent = credentialOf(request)
        if (sent === null || !sameSecret(sent, metricsToken)) return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'send the metrics token as "Authorization: Bearer <METRICS_TOKEN>"' })
      }
      reply.type('text/plain; version=0.0.4; charset=utf-8')
      return app.requestMetrics.render(await gather())
    },
  )

  app.get('/api/admin/metrics', { config: { access: 'admin' }, schema: { tags: ['admin', 'ops'], summary: 'Prometheus metrics, for admins', response: { 200: MetricsText } } }, async (_request, reply) => {
    reply.type('text/plain; version=0.0.4; charset=utf-8')
    return app.requestMetrics.render(await gather())
  })

  app.get(
    '/api/admin/backup',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['admin', 'ops'],
        summary: 'A backup archive of the whole database, consistent while the service runs (what npm run backup writes; restore it with npm run restore). Secretariat admins only.',
        querystring: Type.Object({ scope: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('shared')], { default: 'all', description: 'shared: public and regional rows only, no users, tokens or audit log' })) }, { additionalProperties: false }),
        response: { 200: Type.Unsafe<unknown>({ type: 'string', format: 'binary' }), 403: ErrorRef },
      },
    },
    async (request, reply) => {
      const viewer = request.viewer
      // every agency's records are in it: only the secretariat's admins (or the local analyst)
      if (viewer?.kind === 'user' && viewer.agencyId !== SECRETARIAT_AGENCY_ID) {
        return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'a backup holds every agency\'s records: only the secretariat\'s admins may take one' })
      }
      const scope = request.query.scope ?? 'all'
      // Written to a temporary file first, then sent: the database transaction lasts as long as
      // the backup, not as long as a slow download (on PGlite every other request waits for it).
      const dir = mkdtempSync(join(tmpdir(), 'sahel-backup-'))
      try {
        const { manifest, sizeBytes } = await backupToFile(app.serviceDb, join(dir, 'backup.tar'), { scope })
        await audit(app.serviceDb, viewer ?? { kind: 'local' }, 'backup', `backup:${scope}`, { tables: manifest.tables.length, rows: manifest.tables.reduce((n, t) => n + t.rows, 0), bytes: sizeBytes })
        const file = createReadStream(join(dir, 'backup.tar'))
        file.once('close', () => rmSync(dir, { recursive: true, force: true }))
        const stamp = manifest.createdAt.slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
        reply.header('content-type', 'application/x-tar').header('content-length', String(sizeBytes)).header('content-disposition', `attachment; filename="sahel-routes-${stamp}.tar"`).header('cache-control', 'no-store')
        return reply.send(file)
      } catch (err) {
        rmSync(dir, { recursive: true, force: true })
        throw err
      }
    },
  )
}
