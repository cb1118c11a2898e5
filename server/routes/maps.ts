// GET /api/maps/static.svg and .png: a print-grade map of a map state rendered on the server,
// with legend, scale bar, north arrow, date, credits and optional classification banners.
// The same state, size and date give the same bytes.
import { audit } from '../repos/audit.ts'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type, type Static } from 'typebox'
import type { MapState } from '../../shared/map-state.ts'
import { renderStaticMap, staticMapFrame, type StaticMap } from '../geo/static-map/render.ts'
import { BadRequestError } from '../http-errors.ts'
import { svgToPng } from '../render/png.ts'
import { gatherStaticMap, planForMap } from '../repos/static-map.ts'
import type { Db } from '../db/types.ts'
import { MapStateFields, mapStateOf } from './map-state-query.ts'
import { ErrorRef } from './schemas.ts'

/** Most pixels of one PNG (width × height × (dpi/96)²): about 200 MB of RGBA while rendering. */
export const MAX_PNG_PIXELS = 50_000_000

const StaticMapQuery = Type.Object({
  ...MapStateFields,
  width: Type.Integer({ minimum: 1, maximum: 4000, default: 1200, description: 'px (SVG user units)' }),
  height: Type.Integer({ minimum: 1, maximum: 4000, default: 800, description: 'px (SVG user units)' }),
  dpi: Type.Integer({ minimum: 72, maximum: 600, default: 96, description: 'PNG resolution: 96 gives one pixel per px, 300 gives 3.125' }),
  subtitle: Type.Optional(Type.String({ maxLength: 200 })),
  banner: Type.Optional(Type.String({ maxLength: 60, description: 'classification text drawn top and bottom, e.g. RESTRICTED' })),
  date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'date shown on the map, YYYY-MM-DD; default today (UTC)' })),
})
type StaticMapQueryT = Static<typeof StaticMapQuery>

function mapDate(text: string | undefined): string {
  if (text === undefined) return new Date().toISOString().slice(0, 10)
  if (new Date(`${text}T00:00:00Z`).toISOString?.().slice(0, 10) !== text) throw new BadRequestError('date', `date must be a real date YYYY-MM-DD, got "${text}"`)
  return text
}

/** The saved plan id of the state, or a 400 naming plan. */
export function planId(state: MapState): number | null {
  if (state.plan === null) return null
  if (!/^[1-9]\d{0,9}$/.test(state.plan) || Number(state.plan) > 2147483647) throw new BadRequestError('plan', `plan must be a saved plan id (a positive integer), got "${state.plan}"`)
  return Number(state.plan)
}

/** Parses, gathers and renders; null when the state names a plan that does not exist. */
export async function staticMap(db: Db, q: StaticMapQueryT): Promise<{ map: StaticMap; plan: number | null } | { missingPlan: number }> {
  const state = mapStateOf(q)
  const frame = staticMapFrame({ state, widthPx: q.width, heightPx: q.height, title: state.title, subtitle: q.subtitle ?? null, banner: q.banner ?? null, date: mapDate(q.date) })
  const id = state.layers.includes('plan') ? planId(state) : null
  const plan = id === null ? null : await planForMap(db, id)
  if (id !== null && plan === null) return { missingPlan: id }
  return { map: renderStaticMap(frame, await gatherStaticMap(db, state, frame.bbox, plan)), plan: id }
}

const image = (type: string, description: string) => ({ description, content: { [type]: { schema: Type.Unknown() } } })

export const mapRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/maps/static.svg',
    {
      config: { access: 'export' },
      schema: {
        tags: ['maps'],
        summary: 'The map state as a static SVG map with legend, scale bar, north arrow, date and credits',
        querystring: StaticMapQuery,
        response: { 200: image('image/svg+xml', 'SVG 1.1; text in Noto Sans / Noto Sans Arabic'), 400: ErrorRef, 404: ErrorRef },
      },
    },
    async (request, reply) => {
      const out = await staticMap(app.db, request.query)
      if ('missingPlan' in out) return reply.notFound(`no plan with id ${out.missingPlan}`)
      await audit(app.serviceDb, request.viewer, 'export', 'static.svg', { query: request.query })
      return reply.type('image/svg+xml; charset=utf-8').header('x-map-layers', out.map.layers.join(',')).send(out.map.svg)
    },
  )

  app.get(
    '/api/maps/static.png',
    {
      config: { access: 'export' },
      schema: {
        tags: ['maps'],
        summary: 'The same map as a PNG at the requested dpi (rendered with resvg and the bundled fonts)',
        querystring: StaticMapQuery,
        response: { 200: image('image/png', 'PNG with a pHYs chunk giving the dpi'), 400: ErrorRef, 404: ErrorRef },
      },
    },
    async (request, reply) => {
      const { width, height, dpi } = request.query
      const pixels = Math.round(width * (dpi / 96)) * Math.round(height * (dpi / 96))
      if (pixels > MAX_PNG_PIXELS) throw new BadRequestError('dpi', `width × height at ${dpi} dpi is ${pixels} pixels; at most ${MAX_PNG_PIXELS} (lower dpi or size)`)
      const out = await staticMap(app.db, request.query)
      if ('missingPlan' in out) return reply.notFound(`no plan with id ${out.missingPlan}`)
      await audit(app.serviceDb, request.viewer, 'export', 'static.png', { query: request.query })
      return reply.type('image/png').header('x-map-layers', out.map.layers.join(',')).send(await svgToPng(out.map.svg, dpi))
    },
  )
}
