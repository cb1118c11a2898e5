// Options of the plugins that guard every response: security headers (helmet), who may call the
// API from a browser (CORS) and how often one client may call it (rate limit). Who may frame a
// page is frame-ancestors.ts's alone, so embeds keep their EMBED_ORIGINS.
import type { FastifyCorsOptions } from '@fastify/cors'
import type { FastifyHelmetOptions } from '@fastify/helmet'
import type { RateLimitPluginOptions } from '@fastify/rate-limit'
import type { FastifyRequest } from 'fastify'
import type {} from './auth/access-control.ts'

/** JSON bodies larger than this (bytes) answer 413; uploads have their own limit (routes/imports.ts). */
export const BODY_LIMIT_BYTES = 8 * 1024 ** 2

/**
 * Everything is served from this origin: no CDN, fonts from /fonts. MapLibre needs workers and
 * images from blob: (and data: for sprites and icons); the UI sets a few style attributes, and
 * MapLibre CSS sets element styles, hence 'unsafe-inline' for styles only, never for scripts.
 */
export const helmetOptions: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      childSrc: ["'self'", 'blob:'],
      imgSrc: ["'self'", 'data:', 'blob:'],
      styleSrc: ["'self'", "'unsafe-inline'"],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'", 'data:', 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      // frame-ancestors: added per response by frame-ancestors.ts (embeds differ)
    },
  },
  // X-Frame-Options is frame-ancestors.ts's too: embeds must not get SAMEORIGIN
  frameguard: false,
  // static maps and tiles are meant to be placed in other pages (briefings); reading them from
  // scripts of other origins is what CORS decides
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  // TLS, when there is any, ends at a reverse proxy, which owns HSTS
  strictTransportSecurity: false,
}

/** CORS for the configured origins only; none configured = no cross-origin reads from browsers. */
export function corsOptions(origins: readonly string[]): FastifyCorsOptions {
  return { origin: origins.length > 0 ? [...origins] : false, methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'], exposedHeaders: ['ETag', 'Retry-After'] }
}

/** Requests that do not count: health checks (probes) and what one map view loads by the hundred. */
const isExempt = (url: string) => /^\/(api\/health|api\/ready)(\?|$)|^\/(tiles|fonts|assets)\//.test(url)

/**
 * The bucket a request counts against: its live API token or session, else its client address
 * (embeds too: their token sits in a public page). A script with its own token cannot starve a colleague behind the same proxy,
 * and made-up tokens count against the address like any anonymous call (password guessing).
 */
export function rateLimitKey(request: FastifyRequest): string {
  const viewer = request.viewer
  if (viewer?.kind === 'user') return `token:${viewer.tokenId}`
  return `address:${request.ip}`
}

/** A limit of perMin requests a minute per token, session or client address; the 429 answer is plain JSON naming no field. */
export function rateLimitOptions(perMin: number): RateLimitPluginOptions {
  return {
    max: perMin,
    timeWindow: 60_000,
    keyGenerator: rateLimitKey,
    allowList: (request: FastifyRequest) => isExempt(request.url),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'Too Many Requests',
      message: `rate limit: ${context.max} requests a minute per token or client; retry in ${context.after}`,
    }),
  }
}
