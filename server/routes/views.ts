// Saved views and embeds: POST /api/views stores a map state under a short id, GET /api/views/:id
// reads it back, /v/:id opens it in the app, /embed/:id and /embed?<state> serve the embed page
// (web/dist/embed.html, built by Vite) that frames only from EMBED_ORIGINS (see frame-ancestors.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { Type } from 'typebox'
import { mapStateToParams, parseMapState } from '../../shared/map-state.ts'
import { getView, insertView, type SavedView } from '../repos/views.ts'
import { MapStateFields, MapStateSchema, mapStateOf } from './map-state-query.ts'
import { ErrorRef } from './schemas.ts'
import { signEmbedToken } from '../auth/secrets.ts'
import { audit } from '../repos/audit.ts'
import { embedKey } from '../repos/auth.ts'

/** The longest an embed token lives: a briefing cycle, not forever. */
const MAX_EMBED_DAYS = 365
const EMBED_HTML = fileURLToPath(new URL('../../web/dist/embed.html', import.meta.url))
const ViewId = Type.String({ pattern: '^[A-Za-z0-9_-]{6,32}$', description: 'view id' })

const View = Type.Object({
  id: Type.String(),
  url: Type.String({ description: 'opens the view in the app: /v/<id>' }),
  embed_url: Type.String({ description: 'the embed page of the view: /embed/<id>' }),
  params: Type.Record(Type.String(), Type.String(), { description: 'normalized map state query parameters' }),
  state: MapStateSchema,
  created_at: Type.String(),
})

/** The view as the API returns it; params re-normalized, as jsonb does not keep key order. */
function viewBody(v: SavedView) {
  const state = parseMapState(v.params)
  return { id: v.id, url: `/v/${v.id}`, embed_url: `/embed/${v.id}`, params: mapStateToParams(state), state, created_at: v.created_at }
}

/** The built embed page, or null until the web app has one. */
async function embedPage(): Promise<string | null> {
  try {
    return await readFile(EMBED_HTML, 'utf8')
  } catch {
    return null
  }
}

export const viewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/views',
    {
      config: { access: 'share' },
      schema: {
        tags: ['views'],
        summary: 'Save a map state (its query parameters, as strings) under a short id',
        body: Type.Object(MapStateFields, { additionalProperties: false }),
        response: { 201: View, 400: ErrorRef },
      },
    },
    async (request, reply) => {
      const state = mapStateOf(request.body, 'body.')
      const view = viewBody(await insertView(app.db, mapStateToParams(state)))
      await audit(app.serviceDb, request.viewer, 'view.create', `view:${view.id}`, { params: view.params })
      return reply.code(201).send(view)
    },
  )

  app.post(
    '/api/views/:id/embed-token',
    {
      config: { access: 'share' },
      schema: {
        tags: ['views'],
        summary: 'A signed, expiring token that opens this saved view, and nothing else, with public records only (for embeds)',
        params: Type.Object({ id: ViewId }),
        body: Type.Object({ days: Type.Integer({ minimum: 1, maximum: MAX_EMBED_DAYS, default: 30, description: 'days until it stops working' }) }, { additionalProperties: false }),
        response: {
          201: Type.Object({ token: Type.String(), expires_at: Type.String(), embed_url: Type.String({ description: '/embed/<id>?token=<token>' }) }),
          400: ErrorRef,
          404: ErrorRef,
        },
      },
    },
    async (request, reply) => {
      const view = await getView(app.db, request.params.id)
      if (!view) return reply.notFound(`no view with id "${request.params.id}"`)
      const exp = Math.floor(Date.now() / 1000) + request.body.days * 86_400
      const token = signEmbedToken({ view: view.id, exp }, await embedKey(app.serviceDb))
      await audit(app.serviceDb, request.viewer, 'embed.create', `view:${view.id}`, { days: request.body.days })
      return reply.code(201).send({ token, expires_at: new Date(exp * 1000).toISOString(), embed_url: `/embed/${view.id}?token=${token}` })
    },
  )

  app.get(
    '/api/views/:id',
    {
      config: { embed: 'view' },
      schema: { tags: ['views'], summary: 'A saved map state', params: Type.Object({ id: ViewId }), response: { 200: View, 400: ErrorRef, 404: ErrorRef } },
    },
    async (request, reply) => {
      const view = await getView(app.db, request.params.id)
      return view ? viewBody(view) : reply.notFound(`no view with id "${request.params.id}"`)
    },
  )

  app.get(
    '/v/:id',
    {
      schema: { tags: ['views'], summary: 'Open a saved view in the app (302 to /?<state>)', params: Type.Object({ id: ViewId }), response: { 302: Type.Null(), 400: ErrorRef, 404: ErrorRef } },
    },
    async (request, reply) => {
      const view = await getView(app.db, request.params.id)
      if (!view) return reply.notFound(`no view with id "${request.params.id}"`)
      return reply.redirect(`/?${new URLSearchParams(viewBody(view).params)}`, 302)
    },
  )

  const html = { 200: Type.String({ description: 'the embed page (text/html)' }), 400: ErrorRef, 404: ErrorRef }
  const sendEmbed = async (reply: FastifyReply) => {
    const page = await embedPage()
    if (page === null) return reply.notFound('the embed page is not built (web/dist/embed.html)')
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page)
  }

  app.get(
    '/embed',
    { config: { access: 'public' }, schema: { tags: ['views'], summary: 'The embed page for the map state in the query', querystring: Type.Object(MapStateFields), response: html } },
    async (request, reply) => {
      mapStateOf(request.query)
      return sendEmbed(reply)
    },
  )

  app.get(
    '/embed/:id',
    { config: { access: 'public' }, schema: { tags: ['views'], summary: 'The embed page of a saved view', params: Type.Object({ id: ViewId }), response: html } },
    async (request, reply) => {
      if (!(await getView(app.db, request.params.id))) return reply.notFound(`no view with id "${request.params.id}"`)
      return sendEmbed(reply)
    },
  )
}
