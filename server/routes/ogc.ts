// OGC API – Features, Part 1 (Core, GeoJSON, OpenAPI 3.0) under /ogc, so QGIS, ArcGIS and GDAL
// read the service directly. Errors here use the OGC exception body {code, description}.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { parseDatetime, parseOgcBbox } from '../geo/ogc-params.ts'
import { BadRequestError, parseField } from '../http-errors.ts'
import { collectionExtent, collectionItem, collectionItems, findCollection, OGC_COLLECTIONS, type ItemsQuery, type OgcCollection } from '../repos/ogc.ts'

const GEOJSON = 'application/geo+json'
const JSON_TYPE = 'application/json'
const OPENAPI = 'application/vnd.oai.openapi+json;version=3.0'
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84'
export const MAX_LIMIT = 10_000
const DEFAULT_LIMIT = 100

export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
]

const Json = Type.Object({}, { additionalProperties: true })
const OgcException = Type.Object({ code: Type.String(), description: Type.String() }, { additionalProperties: true })

/** Query parameters every items request may carry; anything else must be a queryable. */
const FIXED_PARAMS = new Set(['bbox', 'bbox-crs', 'datetime', 'limit', 'cursor', 'before', 'f'])

const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_LIMIT
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) throw new Error(`limit must be an integer from 1 to ${MAX_LIMIT}, got "${raw}"`)
  return n
}

function parseFilter(c: OgcCollection, name: string, raw: string): string | number | boolean {
  const type = c.queryables[name]
  if (type === 'integer') {
    // integer queryables are int4 columns: a value past their range is a client error, not a 500
    const n = Number(raw)
    if (!/^-?\d+$/.test(raw) || n < -2_147_483_648 || n > 2_147_483_647) throw new Error(`${name} must be an integer from -2147483648 to 2147483647, got "${raw}"`)
    return n
  }
  if (type === 'boolean') {
    if (raw !== 'true' && raw !== 'false') throw new Error(`${name} must be true or false, got "${raw}"`)
    return raw === 'true'
  }
  const allowed = c.enums?.[name]
  if (allowed && !allowed.includes(raw)) throw new Error(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`)
  return raw
}

/** Reads an items request's query string into an ItemsQuery, naming the parameter at fault. */
function itemsQuery(c: OgcCollection, query: Record<string, string>): ItemsQuery {
  for (const name of Object.keys(query)) {
    if (!FIXED_PARAMS.has(name) && !(name in c.queryables)) {
      throw new BadRequestError(name, `unknown parameter "${name}"; ${c.id} can be filtered by ${Object.keys(c.queryables).join(', ')}`)
    }
  }
  if (query['bbox-crs'] !== undefined && query['bbox-crs'] !== CRS84) throw new BadRequestError('bbox-crs', `bbox-crs must be ${CRS84}`)
  if (query.cursor !== undefined && query.before !== undefined) throw new BadRequestError('cursor', 'give cursor or before, not both')
  for (const name of ['cursor', 'before'] as const) {
    if (query[name] !== undefined && !c.idPattern.test(query[name])) throw new BadRequestError(name, `${name} must be a feature id of ${c.id}, got "${query[name]}"`)
  }
  const filters: ItemsQuery['filters'] = {}
  for (const name of Object.keys(c.queryables)) {
    if (query[name] !== undefined) filters[name] = parseField(name, () => parseFilter(c, name, query[name]))
  }
  return {
    bbox: query.bbox === undefined ? null : parseField('bbox', () => parseOgcBbox(query.bbox)),
    interval: query.datetime === undefined ? null : parseField('datetime', () => parseDatetime(query.datetime)),
    limit: parseField('limit', () => parseLimit(query.limit)),
    direction: query.before !== undefined ? 'prev' : 'next',
    cursor: query.before ?? query.cursor ?? null,
    filters,
  }
}

function pageUrl(request: FastifyRequest, set: Record<string, string>, drop: string[]): string {
  const url = new URL(request.url, origin(request))
  for (const d of drop) url.searchParams.delete(d)
  for (const [k, v] of Object.entries(set)) url.searchParams.set(k, v)
  return url.toString()
}

async function collectionDoc(request: FastifyRequest, db: Parameters<typeof collectionExtent>[0], c: OgcCollection) {
  const base = `${origin(request)}/ogc/collections/${c.id}`
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    itemType: 'feature',
    crs: [CRS84],
    extent: await collectionExtent(db, c),
    queryables: c.queryables,
    links: [
      { href: base, rel: 'self', type: JSON_TYPE, title: c.title },
      { href: `${base}/items`, rel: 'items', type: GEOJSON, title: `${c.title} as GeoJSON` },
    ],
  }
}

function ogcError(error: FastifyError & { field?: string }, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500
  if (status >= 500) request.log.error({ err: error }, 'OGC request failed')
  const code = status === 404 ? 'NotFound' : status >= 500 ? 'ServerError' : 'InvalidParameterValue'
  const description = status >= 500 ? 'internal error' : error.message
  const field = error.field ?? error.validation?.[0]?.instancePath.replace(/^\//, '')
  return reply.code(status).type(JSON_TYPE).send({ code, description, ...(field ? { field } : {}) })
}

export const ogcRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.setErrorHandler(ogcError)

  app.get('/ogc', { schema: { tags: ['ogc'], summary: 'OGC API Features landing page', response: { 200: Json } } }, async (request) => {
    const o = origin(request)
    return {
      title: 'Sahel Routes',
      description: 'Routes, incidents, places, countries and borders of the Sahel-Sahara, as OGC API Features.',
      links: [
        { href: `${o}/ogc`, rel: 'self', type: JSON_TYPE, title: 'This document' },
        { href: `${o}/ogc/api`, rel: 'service-desc', type: OPENAPI, title: 'The API definition' },
        { href: `${o}/docs`, rel: 'service-doc', type: 'text/html', title: 'The API documentation' },
        { href: `${o}/ogc/conformance`, rel: 'conformance', type: JSON_TYPE, title: 'Conformance classes' },
        { href: `${o}/ogc/collections`, rel: 'data', type: JSON_TYPE, title: 'The collections' },
      ],
    }
  })

  app.get('/ogc/conformance', { schema: { tags: ['ogc'], summary: 'Conformance classes', response: { 200: Json } } }, async () => ({ conformsTo: CONFORMANCE }))

  // The media type exactly as OGC clients (GDAL) compare it: no quotes, no charset.
  app.get('/ogc/api', { schema: { tags: ['ogc'], summary: 'The OpenAPI 3.0 definition' } }, async (_request, reply) =>
    reply.header('content-type', OPENAPI).send(Buffer.from(JSON.stringify(app.swagger()))),
  )

  app.get('/ogc/collections', { schema: { tags: ['ogc'], summary: 'The collections', response: { 200: Json } } }, async (request) => ({
    links: [{ href: `${origin(request)}/ogc/collections`, rel: 'self', type: JSON_TYPE, title: 'The collections' }],
    collections: await Promise.all(OGC_COLLECTIONS.map((c) => collectionDoc(request, app.db, c))),
  }))

  const CollectionParams = Type.Object({ collectionId: Type.String({ maxLength: 100 }) })

  app.get(
    '/ogc/collections/:collectionId',
    { schema: { tags: ['ogc'], summary: 'One collection', params: CollectionParams, response: { 200: Json, 404: OgcException } } },
    async (request, reply) => {
      const c = findCollection(request.params.collectionId)
      if (!c) return reply.code(404).send({ code: 'NotFound', description: `no collection "${request.params.collectionId}"` })
      return collectionDoc(request, app.db, c)
    },
  )

  app.get(
    '/ogc/collections/:collectionId/items',
    {
      schema: {
        tags: ['ogc'],
        summary: 'Features of a collection: bbox, datetime, limit and paging (cursor/before), property filters',
        params: CollectionParams,
        querystring: Type.Object(
          {
            bbox: Type.Optional(Type.String({ description: 'west,south,east,north (CRS84), or 6 numbers with heights' })),
            'bbox-crs': Type.Optional(Type.String()),
            datetime: Type.Optional(Type.String({ description: 'an instant, or start/end with .. for an open end' })),
            limit: Type.Optional(Type.String({ description: `1 to ${MAX_LIMIT}, default ${DEFAULT_LIMIT}` })),
            cursor: Type.Optional(Type.String({ description: 'the id after which the page starts (from a next link)' })),
            before: Type.Optional(Type.String({ description: 'the id before which the page ends (from a prev link)' })),
          },
          { additionalProperties: true },
        ),
        response: { 200: Json, 400: OgcException, 404: OgcException },
      },
    },
    async (request, reply) => {
      const c = findCollection(request.params.collectionId)
      if (!c) return reply.code(404).send({ code: 'NotFound', description: `no collection "${request.params.collectionId}"` })
      const q = itemsQuery(c, request.query as Record<string, string>)
      const { features, numberMatched } = await collectionItems(app.db, c, q)
      const links = [
        { href: pageUrl(request, {}, []), rel: 'self', type: GEOJSON, title: 'This page' },
        { href: `${origin(request)}/ogc/collections/${c.id}`, rel: 'collection', type: JSON_TYPE, title: c.title },
      ]
      const first = features[0]?.id
      const last = features[features.length - 1]?.id
      // keyset paging: a full page may have more after it; a page reached through a cursor has
      // something before it; a page reached backwards ('before') has something after it
      const moreAfter = q.direction === 'prev' || features.length === q.limit
      const moreBefore = q.direction === 'next' ? q.cursor !== null : features.length === q.limit
      if (moreAfter && last !== undefined) {
        links.push({ href: pageUrl(request, { cursor: String(last) }, ['before', 'cursor']), rel: 'next', type: GEOJSON, title: 'Next page' })
      }
      if (moreBefore && first !== undefined) {
        links.push({ href: pageUrl(request, { before: String(first) }, ['before', 'cursor']), rel: 'prev', type: GEOJSON, title: 'Previous page' })
      }
      return reply.type(GEOJSON).send({
        type: 'FeatureCollection',
        timeStamp: new Date().toISOString(),
        numberMatched,
        numberReturned: features.length,
        features,
        links,
      })
    },
  )

  app.get(
    '/ogc/collections/:collectionId/items/:featureId',
    {
      schema: {
        tags: ['ogc'],
        summary: 'One feature',
        params: Type.Object({ collectionId: Type.String({ maxLength: 100 }), featureId: Type.String({ maxLength: 200 }) }),
        response: { 200: Json, 404: OgcException },
      },
    },
    async (request, reply) => {
      const c = findCollection(request.params.collectionId)
      if (!c) return reply.code(404).send({ code: 'NotFound', description: `no collection "${request.params.collectionId}"` })
      const feature = await collectionItem(app.db, c, request.params.featureId)
      if (!feature) return reply.code(404).send({ code: 'NotFound', description: `no feature "${request.params.featureId}" in ${c.id}` })
      const base = `${origin(request)}/ogc/collections/${c.id}`
      return reply.type(GEOJSON).send({
        ...feature,
        links: [
          { href: `${base}/items/${encodeURIComponent(String(feature.id))}`, rel: 'self', type: GEOJSON },
          { href: base, rel: 'collection', type: JSON_TYPE },
        ],
      })
    },
  )
}
