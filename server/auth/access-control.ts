// Who is asking, and may they? One onRequest hook finds the viewer of every request (API token,
// web session cookie or embed token) and checks the permission its route declares; a preHandler
// hook then runs the handler inside the viewer's database scope (request-scope.ts), which the
// request Db (db/scoped-db.ts) turns into row-level security. With AUTH=off (loopback only) every
// request is the local analyst, with every permission and an unrestricted database.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { dbScopeOf, mayDo, type Permission, type Viewer } from '../../shared/access.ts'
import { runInScope } from './request-scope.ts'
import { TOKEN_PREFIX, tokenHash, verifyEmbedToken } from './secrets.ts'
import type { Db } from '../db/types.ts'
import { embedKey, viewerByTokenHash } from '../repos/auth.ts'
import { getView } from '../repos/views.ts'

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * What a route needs: a permission (GET routes default to 'read'), or 'public' for routes
     * anyone may call (health, login). Other methods must say, or only admins pass.
     */
    access?: Permission | 'public'
    /** Embed tokens may call this route: 'any', or only for their own view or plan (:id). */
    embed?: 'any' | 'view' | 'plan'
  }
  interface FastifyRequest {
    viewer: Viewer
  }
}

/** The web session cookie (HttpOnly, SameSite=Lax: a link from a briefing opens signed in; cross-site POSTs carry none). */
export const SESSION_COOKIE = 'sahel_session'

/** Paths that carry data; everything else (the app's files, fonts, /docs, the embed page shell) is public. */
const GUARDED = /^\/(api|tiles|ogc|v)(\/|$|\?)/

/** The credential a request carries: a bearer token, else the session cookie. */
export function credentialOf(request: FastifyRequest): string | null {
  const auth = request.headers.authorization
  if (auth) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth)
    return match ? match[1] : auth
  }
  const cookies = request.headers.cookie
  if (!cookies) return null
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === SESSION_COOKIE) return value.join('=') || null
  }
  return null
}

function deny(reply: FastifyReply, status: 401 | 403, message: string) {
  return reply.code(status).send({ statusCode: status, error: status === 401 ? 'Unauthorized' : 'Forbidden', message })
}

/**
 * Installs the hooks on app (not encapsulated: every route is behind them). Call it after
 * registering the rate limit: finding the viewer runs before the limit, deciding after it.
 */
export function installAccessControl(app: FastifyInstance, options: { authMode: boolean; serviceDb: Db }): void {
  const { authMode, serviceDb } = options
  app.decorateRequest('viewer', null as never)
  let key: Promise<string> | null = null
  const signingKey = () => (key ??= embedKey(serviceDb).catch((err) => ((key = null), Promise.reject(err))))

  // Saved views are written once and never change: an embed's plan is looked up once per view,
  // not on every tile. Bounded: views with embed tokens are few; past the cap it starts over.
  const embedPlans = new Map<string, number | null>()
  async function embedPlan(viewId: string): Promise<number | null | undefined> {
    if (embedPlans.has(viewId)) return embedPlans.get(viewId)
    const view = await getView(serviceDb, viewId)
    if (!view) return undefined
    const plan = Number(view.params.plan)
    if (embedPlans.size >= 10_000) embedPlans.clear()
    embedPlans.set(viewId, Number.isInteger(plan) && plan > 0 ? plan : null)
    return embedPlans.get(viewId)
  }

  async function resolve(request: FastifyRequest): Promise<Viewer | 'invalid'> {
    const credential = credentialOf(request)
    if (credential === null) return { kind: 'anonymous' }
    if (credential.startsWith(TOKEN_PREFIX.embed)) {
      const claims = verifyEmbedToken(credential, await signingKey(), Math.floor(Date.now() / 1000))
      if (!claims) return 'invalid'
      const planId = await embedPlan(claims.view)
      return planId === undefined ? 'invalid' : { kind: 'embed', viewId: claims.view, planId }
    }
    return (await viewerByTokenHash(serviceDb, tokenHash(credential))) ?? 'invalid'
  }

  // 1. Who is asking: every request, before the rate limit (which counts per token), so a made-up
  // token is just an anonymous caller counted by address.
  const invalid = new WeakSet<FastifyRequest>()
  app.addHook('onRequest', async (request) => {
    if (!authMode) {
      request.viewer = { kind: 'local' }
      return
    }
    // the app's files, fonts and the embed page shell carry no data: no credential lookup for them
    if (!GUARDED.test(request.url)) {
      request.viewer = { kind: 'anonymous' }
      return
    }
    const viewer = await resolve(request)
    if (viewer === 'invalid') invalid.add(request)
    request.viewer = viewer === 'invalid' ? { kind: 'anonymous' } : viewer
  })

  // 2. May they: after the rate limit (registered before this plugin loads), so refusals count too.
  const authorize = async (instance: FastifyInstance) => {
    instance.addHook('onRequest', async (request, reply) => {
      if (!authMode) return
      const config = request.routeOptions.config ?? {}
      if (!GUARDED.test(request.url) || config.access === 'public') return
      const viewer = request.viewer
      if (invalid.has(request)) return deny(reply, 401, 'the token or session is expired, revoked or unknown: sign in again or ask an admin for a new token')
      if (viewer.kind === 'anonymous') return deny(reply, 401, 'sign in, or send an API token as "Authorization: Bearer <token>"')
      if (viewer.kind === 'embed') {
        const id = (request.params as { id?: unknown } | undefined)?.id
        const allowed =
          request.method === 'GET' &&
          (config.embed === 'any' || (config.embed === 'view' && id === viewer.viewId) || (config.embed === 'plan' && Number(id) === viewer.planId))
        if (!allowed) return deny(reply, 403, `this embed token opens saved view ${viewer.viewId} and nothing else`)
        return
      }
      const needed: Permission = (config.access as Permission | undefined) ?? (request.method === 'GET' || request.method === 'HEAD' ? 'read' : 'admin')
      if (!mayDo(viewer, needed)) return deny(reply, 403, `role ${viewer.kind === 'user' ? viewer.role : viewer.kind} may not ${needed}`)
    })
  }
  // not encapsulated: the hook covers every route of the app
  app.register(Object.assign(authorize, { [Symbol.for('skip-override')]: true }))

  // Last hook before the handler: the handler and everything it awaits run in the viewer's scope.
  app.addHook('preHandler', (request, _reply, done) => {
    const scope = dbScopeOf(request.viewer ?? { kind: 'anonymous' })
    if (scope === null) return done()
    runInScope(scope, done)
  })
}
