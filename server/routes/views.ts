// Saved views and embeds: POST /api/views stores a map state under a short id, GET /api/views/:id
// reads it back, /v/:id opens it in the app, /embed/:id and /embed?<state> serve the embed page
// (web/dist/embed.html, built by Vite) that frames only from EMBED_ORIGINS (see frame-ancestors.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { Type } from 'typebox'
import { mapStateToParams, parseMapState } from '../geo/map-state.ts'
import { getView, insertView, type SavedView } from '../repos/views.ts'
import { MapStateFields, MapStateSchema, mapStateOf } from './map-state-query.ts'
import { ErrorRef } from './schemas.ts'

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
      schema: {
        tags: ['views'],
        summary: 'Save a map state (its query parameters, as strings) under a short id',
        body: Type.Object(MapStateFields, { additionalProperties: false }),
        response: { 201: View, 400: ErrorRef },
      },
    },
    async (request, reply) => {
      const state = mapStateOf(request.body, 'body.')
      return reply.code(201).send(viewBody(await insertView(app.db, mapStateToParams(state))))
    },
  )

  app.get(
    '/api/views/:id',
    {
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
    { schema: { tags: ['views'], summary: 'The embed page for the map state in the query', querystring: Type.Object(MapStateFields), response: html } },
    async (request, reply) => {
      mapStateOf(request.query)
      return sendEmbed(reply)
    },
  )

  app.get(
    '/embed/:id',
    { schema: { tags: ['views'], summary: 'The embed page of a saved view', params: Type.Object({ id: ViewId }), response: html } },
    async (request, reply) => {
      if (!(await getView(app.db, request.params.id))) return reply.notFound(`no view with id "${request.params.id}"`)
      return sendEmbed(reply)
    },
  )
}
