// GET /api/incidents (GeoJSON, newest first, cursor paging) and GET /api/incidents/:id, and the
// incident filters (bbox, dates, threat, source, route family) the hotspot routes share.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { parseBbox } from '../../shared/bbox.ts'
import { ORIGINS } from '../../shared/map-state.ts'
import { FAMILIES, THREATS } from '../../shared/vocabulary.ts'
import { BadRequestError, parseField } from '../http-errors.ts'
import { getIncident, listIncidents, type IncidentFilter } from '../repos/incidents.ts'
import { ErrorRef } from './schemas.ts'

const DATE = '^\\d{4}-\\d{2}-\\d{2}$'
const LIST = '^[a-z0-9_.-]+(,[a-z0-9_.-]+)*$'

/** Query fields of every incident filter. */
export const FilterQuery = {
  bbox: Type.Optional(Type.String({ description: 'west,south,east,north in degrees' })),
  from: Type.Optional(Type.String({ pattern: DATE, description: 'first day, YYYY-MM-DD (inclusive)' })),
  to: Type.Optional(Type.String({ pattern: DATE, description: 'last day, YYYY-MM-DD (inclusive)' })),
  threat: Type.Optional(Type.String({ pattern: LIST, description: `threat categories, comma-separated: ${THREATS.join(', ')}` })),
  source: Type.Optional(Type.String({ pattern: LIST, description: 'source datasets, comma-separated, e.g. iom-mmp,synthetic-demo' })),
  route_family: Type.Optional(Type.String({ pattern: LIST, description: `route families, comma-separated: ${FAMILIES.join(', ')}` })),
  origin: Type.Optional(Type.String({ maxLength: 5, description: `provenance: ${ORIGINS.join(', ')} (local: made here; an ISO3: received from that state's partner deployments)` })),
}

type FilterText = { bbox?: string; from?: string; to?: string; threat?: string; source?: string; route_family?: string; origin?: string }

function checkedDate(field: string, text: string): string {
  const d = new Date(`${text}T00:00:00Z`)
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text) throw new BadRequestError(field, `${field} must be a real date YYYY-MM-DD, got "${text}"`)
  return text
}

function checkedList(field: string, text: string | undefined, allowed?: readonly string[]): string[] | undefined {
  if (text === undefined) return undefined
  const items = text.split(',')
  const bad = allowed ? items.find((i) => !allowed.includes(i)) : undefined
  if (bad !== undefined) throw new BadRequestError(field, `${field} must be among ${allowed!.join(', ')}, got "${bad}"`)
  return items
}

function checkedOne(field: string, text: string, allowed: readonly string[]): string {
  if (!allowed.includes(text)) throw new BadRequestError(field, `${field} must be one of ${allowed.join(', ')}, got "${text}"`)
  return text
}

/** Parses the shared filter fields; throws a 400 naming the field at fault. */
export function parseFilter(q: FilterText): IncidentFilter {
  const filter: IncidentFilter = {
    bbox: q.bbox === undefined ? undefined : parseField('bbox', () => parseBbox(q.bbox!)),
    from: q.from === undefined ? undefined : checkedDate('from', q.from),
    to: q.to === undefined ? undefined : checkedDate('to', q.to),
    threats: checkedList('threat', q.threat, THREATS),
    sources: checkedList('source', q.source),
    routeFamilies: checkedList('route_family', q.route_family, FAMILIES),
    origin: q.origin === undefined ? undefined : checkedOne('origin', q.origin, ORIGINS),
  }
  if (filter.from && filter.to && filter.from > filter.to) throw new BadRequestError('to', `to must not be before from, got ${filter.from} .. ${filter.to}`)
  return filter
}

/** Opaque cursor: base64url of [date, id] of the last incident of the page. */
function encodeCursor(date: string, id: number): string {
  return Buffer.from(JSON.stringify([date, id])).toString('base64url')
}

function decodeCursor(text: string): { date: string; id: number } {
  try {
    const [date, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
    if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && Number.isInteger(id)) return { date, id }
  } catch {}
  throw new BadRequestError('cursor', 'cursor is not one this API returned')
}

const IncidentQuery = Type.Object({
  ...FilterQuery,
  import: Type.Optional(Type.Integer({ minimum: 1, description: 'only incidents last written by this import' })),
  limit: Type.Integer({ minimum: 1, maximum: 5000, default: 500 }),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'next_cursor of the previous page' })),
})

const Credit = Type.Object({ dataset: Type.String(), credit: Type.String() })

/** An incident as a GeoJSON point; properties carry source, credit, counts and attrs. */
const IncidentFeature = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.Integer(),
  properties: Type.Object({}, { additionalProperties: true }),
  geometry: Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number()) }),
})

const IncidentPage = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(IncidentFeature),
  /** null on the last page */
  next_cursor: Type.Union([Type.String(), Type.Null()]),
  credits: Type.Array(Credit),
})

export const incidentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/incidents',
    {
      config: { embed: 'any' },
      schema: {
        tags: ['incidents'],
        summary: 'Incidents as GeoJSON points, newest first, filtered, with cursor paging',
        querystring: IncidentQuery,
        response: { 200: IncidentPage, 400: ErrorRef },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query
      const filter = { ...parseFilter(request.query), importId: request.query.import }
      const rows = await listIncidents(app.db, filter, limit + 1, cursor === undefined ? null : decodeCursor(cursor))
      const features = rows.slice(0, limit)
      const last = features.at(-1)
      const credits = new Map(features.map((f) => [f.properties.source_dataset as string, f.properties.credit as string]))
      return {
        type: 'FeatureCollection' as const,
        features,
        next_cursor: rows.length > limit && last ? encodeCursor(last.properties.date as string, last.id) : null,
        credits: [...credits].map(([dataset, credit]) => ({ dataset, credit })),
      }
    },
  )

  app.get(
    '/api/incidents/:id',
    {
      schema: {
        tags: ['incidents'],
        summary: 'One incident with its source, credit and attributes',
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }),
        response: { 200: IncidentFeature, 400: ErrorRef, 404: ErrorRef },
      },
    },
    async (request, reply) => (await getIncident(app.db, request.params.id)) ?? reply.notFound(`no incident with id ${request.params.id}`),
  )
}
