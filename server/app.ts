// Builds the Fastify app: plugins, then routes, then one error handler. Opening the database,
// migrating and loading geodata happen before, in main.ts (or the tests' build helper).
import fastifyCompress from '@fastify/compress'
import fastifyCors from '@fastify/cors'
import fastifyHelmet from '@fastify/helmet'
import fastifyMultipart from '@fastify/multipart'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifySensible from '@fastify/sensible'
import fastifyStatic from '@fastify/static'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyError, type FastifyServerOptions } from 'fastify'
import { existsSync } from 'node:fs'
import { STATUS_CODES } from 'node:http'
import { fileURLToPath } from 'node:url'
import { isDbUnavailable, RETRY_AFTER_S } from './db/errors.ts'
import { refuseUnusableInput } from './input-guards.ts'
import type { Db } from './db/types.ts'
import { scopedDb } from './db/scoped-db.ts'
import { installAccessControl } from './auth/access-control.ts'
import { adminRoutes } from './routes/admin.ts'
import { authRoutes } from './routes/auth.ts'
import { TileCache } from './tile-cache.ts'
import { analysisRoutes } from './routes/analysis.ts'
import { catalogueRoutes } from './routes/catalogue.ts'
import { countryRoutes } from './routes/countries.ts'
import { healthRoutes } from './routes/health.ts'
import { hotspotRoutes } from './routes/hotspots.ts'
import { reportRoutes } from './routes/reports.ts'
import { importRoutes } from './routes/imports.ts'
import { incidentRoutes } from './routes/incidents.ts'
import { seriesRoutes } from './routes/series.ts'
import { ogcRoutes } from './routes/ogc.ts'
import { patrolRoutes } from './routes/patrols.ts'
import { placeRoutes } from './routes/places.ts'
import { ErrorBody } from './routes/schemas.ts'
import { tileRoutes } from './routes/tiles.ts'
import { zoneRoutes } from './routes/zone.ts'
import { viewRoutes } from './routes/views.ts'
import { mapRoutes } from './routes/maps.ts'
import { exportRoutes } from './routes/exports.ts'
import { exchangeRoutes } from './routes/exchange.ts'
import { frameAncestors } from './frame-ancestors.ts'
import { BODY_LIMIT_BYTES, corsOptions, helmetOptions, rateLimitOptions } from './http-security.ts'
import { RequestMetrics } from './metrics.ts'
import { opsRoutes } from './routes/ops.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** The database as requests see it: with AUTH=on, every query under the viewer's row-level security. */
    db: Db
    /** The service's own connection, outside row-level security: credentials, the audit log. Never for record reads. */
    serviceDb: Db
    /** AUTH=on: requests need a token, session or embed token (access-control.ts). */
    authMode: boolean
    tileCache: TileCache
    /** request counts and latencies per route pattern, for /metrics */
    requestMetrics: RequestMetrics
  }
}

const WEB_DIST = fileURLToPath(new URL('../web/dist/', import.meta.url))
const FONTS = fileURLToPath(new URL('../node_modules/@fontsource/', import.meta.url))

export interface AppOptions {
  db: Db
  logger?: FastifyServerOptions['logger']
  /** origins allowed to frame /embed pages (config EMBED_ORIGINS) */
  embedOrigins?: readonly string[]
  /** origins allowed to call the API from a browser (config CORS_ORIGINS) */
  corsOrigins?: readonly string[]
  /** requests a minute per token, session or client address (config RATE_LIMIT_PER_MIN); 0 or unset = no limit */
  rateLimitPerMin?: number
  /** config TRUST_PROXY: which proxies' X-Forwarded-For/-Proto to believe (default none) */
  trustProxy?: false | number | string
  /** config AUTH=on: sign-in required, sharing levels enforced by row-level security; off = the local analyst sees everything */
  authMode?: boolean
  /** the exchange's private key file (config EXCHANGE_KEY_FILE, else in DATA_DIR); null = no bundles can be signed */
  exchangeKeyFile?: string | null
  /** config METRICS_TOKEN: opens /metrics when AUTH=on */
  metricsToken?: string | null
}

/**
 * Builds the app around an open, migrated database; the caller closes both. Plugins are queued,
 * not awaited, so they load at ready() and inherit the error handler set below.
 */
export async function buildApp({ db, logger = false, embedOrigins = [], corsOrigins = [], rateLimitPerMin = 0, authMode = false, trustProxy = false, exchangeKeyFile = null, metricsToken = null }: AppOptions) {
  const app = Fastify({ logger: withRedactedUrls(logger), trustProxy: typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy, bodyLimit: BODY_LIMIT_BYTES, ajv: { customOptions: { coerceTypes: true, removeAdditional: false } } }).withTypeProvider<TypeBoxTypeProvider>()
  app.decorate('db', authMode ? scopedDb(db) : db)
  app.decorate('serviceDb', db)
  app.decorate('authMode', authMode)
  app.decorate('tileCache', new TileCache())
  app.decorate('requestMetrics', new RequestMetrics())
  // per route pattern (/api/routes/:id), never the raw URL: bounded label values
  app.addHook('onResponse', async (request, reply) => app.requestMetrics.observe(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000))
  app.addSchema(ErrorBody)
  app.addHook('preHandler', refuseUnusableInput)
  // Graceful shutdown: requests in flight when close() starts finish; their answers close the
  // connection, and connections that fall idle meanwhile are swept, so closing never waits out a
  // keep-alive timeout.
  let closing = false
  let idleSweep: NodeJS.Timeout | undefined
  app.addHook('preClose', async () => {
    closing = true
    idleSweep = setInterval(() => app.server.closeIdleConnections(), 100).unref()
  })
  app.addHook('onSend', async (request, reply, payload) => {
    if (closing) reply.header('connection', 'close')
    // a write may have changed data under tiles: ask the database for layer versions again
    if (request.method !== 'GET' && request.method !== 'HEAD') app.tileCache.forgetVersions()
    return payload
  })
  app.addHook('onClose', async () => clearInterval(idleSweep))
  app.addHook('onSend', frameAncestors(embedOrigins))

  app.register(fastifyHelmet, helmetOptions)
  app.register(fastifyCors, corsOptions(corsOrigins))
  if (rateLimitPerMin > 0) app.register(fastifyRateLimit, rateLimitOptions(rateLimitPerMin))
  // the viewer is found before the rate limit counts it (per token), refused after (refusals count)
  installAccessControl(app, { authMode, serviceDb: db })
  // gzip or brotli for JSON and tiles when the client asks (Accept-Encoding)
  app.register(fastifyCompress, { customTypes: /^(application\/(.+\+)?json|application\/vnd\.mapbox-vector-tile|text\/)/ })
  app.register(fastifySensible)
  app.register(fastifyMultipart)
  app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Sahel Routes API', version: '0.1.0', description: 'Routes, borders, places and tiles for the Sahel-Sahara.' },
    },
  })

  app.register(healthRoutes)
  app.register(authRoutes)
  app.register(adminRoutes)
  app.register(catalogueRoutes)
  app.register(analysisRoutes)
  app.register(countryRoutes)
  app.register(placeRoutes)
  app.register(zoneRoutes)
  app.register(tileRoutes)
  app.register(ogcRoutes)
  app.register(incidentRoutes)
  app.register(seriesRoutes)
  app.register(hotspotRoutes)
  app.register(importRoutes)
  app.register(patrolRoutes)
  app.register(viewRoutes)
  app.register(mapRoutes)
  app.register(reportRoutes)
  app.register(exportRoutes)
  app.register(exchangeRoutes, { keyFile: exchangeKeyFile })
  app.register(opsRoutes, { metricsToken })
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  // interactive documentation, served from the package: no CDN, no online validator
  app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true })

  // Fonts for map labels and the UI, from npm packages: nothing is fetched from outside.
  for (const family of ['noto-sans', 'noto-sans-arabic']) {
    app.register(fastifyStatic, {
      root: `${FONTS}${family}/files`,
      prefix: `/fonts/${family}/`,
      decorateReply: false,
      maxAge: '30d',
    })
  }
  if (existsSync(WEB_DIST)) app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', decorateReply: false })

  app.setErrorHandler((error: FastifyError & { field?: string }, request, reply) => {
    if (isDbUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable')
      reply.header('Retry-After', String(RETRY_AFTER_S))
      return reply.code(503).send({ statusCode: 503, error: 'Service Unavailable', message: 'the database is not reachable; retry shortly' })
    }
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed')
      return reply.code(status).send({ statusCode: status, error: 'Internal Server Error', message: 'internal error' })
    }
    const field = error.field ?? validationField(error) ?? (error.code?.startsWith('FST_ERR_CTP') ? 'body' : undefined)
    return reply.code(status).send({
      statusCode: status,
      error: STATUS_CODES[status] ?? 'Bad Request',
      message: error.message,
      ...(field ? { field } : {}),
    })
  })
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no such endpoint: ${request.method} ${request.url.split('?')[0]}` }),
  )
  return app
}

/** Embed tokens travel in the page URL (?token=emb_…): logs keep the URL without them. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/g, '$1[redacted]')
}

/** The logger options with the request serializer writing redacted URLs. */
function withRedactedUrls(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return logger
  const options = logger === true ? {} : logger
  return {
    ...options,
    serializers: {
      req: (req: { method: string; url: string; host?: string; ip?: string; socket?: { remotePort?: number } }) => ({
        method: req.method,
        url: redactUrl(req.url),
        host: req.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
    },
  }
}

/** The request field a schema validation error is about: "limit", "body.geometry", ... */
function validationField(error: FastifyError): string | undefined {
  const first = error.validation?.[0]
  if (!first) return undefined
  const params = first.params as { missingProperty?: string; additionalProperty?: string } | undefined
  const extra = params?.missingProperty ?? params?.additionalProperty
  const path = [...first.instancePath.split('/').filter(Boolean), ...(extra ? [extra] : [])].join('.')
  return error.validationContext === 'body' ? ['body', path].filter(Boolean).join('.') : path || undefined
}

export type App = Awaited<ReturnType<typeof buildApp>>
