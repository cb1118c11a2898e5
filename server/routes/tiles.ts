// GET /tiles/{layer}/{z}/{x}/{y}.mvt and /tiles/{layer}.json (TileJSON 3.0.0).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { tileError } from '../geo/tiles.ts'
import { ANALYSIS_BBOX } from '../../shared/vocabulary.ts'
import { BadRequestError } from '../http-errors.ts'
import { resolutionForZoom } from '../../shared/h3-cells.ts'
import { creditsFor } from '../repos/hotspots.ts'
import { getHotspotTile, getTile, TILE_LAYERS, type TileLayer } from '../repos/tiles.ts'
import { AGGREGATION_NOTE, HotspotQuery, metricField } from './hotspots.ts'
import { FilterQuery, parseFilter } from './incidents.ts'
import { ErrorRef } from './schemas.ts'
import { MVT_TYPE, sendTile } from './tile-response.ts'


/** Attribute names and types of each layer, as TileJSON vector_layers lists them. */
const LAYER_FIELDS: Record<TileLayer, Record<string, string>> = {
  countries: { iso3: 'String', name_en: 'String', name_fr: 'String', name_ar: 'String', member: 'Boolean' },
  borders: { a_iso3: 'String', b_iso3: 'String', length_km: 'Number' },
  places: { id: 'Number', name: 'String', label: 'String: the name to show', iso3: 'String', rank: 'Number: 0 capital, 1 hub or waypoint, 2 town', source: 'String' },
  routes: {
    id: 'String', name: 'String', family: 'String', kind: 'String', confidence: 'String', direction: 'String',
    status: 'String: active, declining or historical', valid_from: 'String: YYYY-MM-DD, empty when open', valid_to: 'String: YYYY-MM-DD, empty when open',
    leg: 'String: track, schematic (draw dashed, never solid) or sea; one feature per leg segment',
  },
  // from zoom 9 the incidents; up to zoom 8 one point per H3 cell (from the cell rollup) with h3, n and the dead_missing sum
  incidents: {
    id: 'Number: zoom >= 9', threat: 'String: zoom >= 9', date: 'String: zoom >= 9', date_precision: 'String: zoom >= 9', source_dataset: 'String: zoom >= 9',
    dead_missing: 'Number: the incident\'s, or at zoom <= 8 the sum over the cell', route_family: 'String: zoom >= 9',
    h3: 'String: zoom <= 8, the H3 cell (res 3-5 by zoom) the point stands for', n: 'Number: zoom <= 8, incidents in the cell',
    origin_state: 'String: zoom >= 9, the member state of the partner deployment that sent it (absent when made here)', origin_agency: 'String: zoom >= 9, its agency',
  },
}

const ATTRIBUTION: Record<TileLayer, string> = {
  countries: 'Natural Earth',
  borders: 'Natural Earth',
  places: 'GeoNames (CC BY 4.0)',
  routes: 'Sahel Routes catalogue',
  incidents: 'Credits per source dataset: see /api/incidents (IOM\'s Missing Migrants Project; synthetic demo data)',
}

/** The answers of every .mvt endpoint. */
const TILE_RESPONSES = {
  200: { description: 'Mapbox Vector Tile', content: { [MVT_TYPE]: { schema: Type.Unknown() } } },
  204: Type.Null({ description: 'empty tile' }),
  304: Type.Null({ description: 'not modified since the ETag in If-None-Match' }),
  400: ErrorRef,
}

const Layer = Type.Enum([...TILE_LAYERS])
const TileParams = Type.Object({ layer: Layer, z: Type.Integer(), x: Type.Integer(), y: Type.Integer() })
/** The routes layer keeps only routes whose period overlaps from..to (the map state's time range); the incidents layer those of an origin. */
const TileQuery = Type.Object({
  from: Type.Optional(Type.String({ format: 'date', description: 'YYYY-MM-DD; routes layer only' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'YYYY-MM-DD, inclusive; routes layer only' })),
  origin: FilterQuery.origin,
})

/** Hotspot tiles take the filters and metric of /api/hotspots; res follows the zoom unless given. */
const { res: _res, stat: _stat, k: _k, fdr: _fdr, ...hotspotFilters } = HotspotQuery.properties
const HotspotTileQuery = Type.Object({ ...hotspotFilters, res: Type.Optional(Type.Integer({ minimum: 3, maximum: 8, description: 'H3 resolution; default follows the zoom' })) })

export const tileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/tiles/:layer.json',
    {
      config: { embed: 'any' },
      schema: {
        tags: ['tiles'],
        summary: 'TileJSON 3.0.0 for one vector tile layer',
        params: Type.Object({ layer: Layer }),
        response: { 200: Type.Object({}, { additionalProperties: true }), 400: ErrorRef },
      },
    },
    async (request) => {
      const { layer } = request.params
      const origin = `${request.protocol}://${request.host}`
      return {
        tilejson: '3.0.0',
        name: layer,
        scheme: 'xyz',
        tiles: [`${origin}/tiles/${layer}/{z}/{x}/{y}.mvt`],
        minzoom: 0,
        maxzoom: 14,
        bounds: ANALYSIS_BBOX,
        attribution: ATTRIBUTION[layer],
        vector_layers: [{ id: layer, fields: LAYER_FIELDS[layer], minzoom: 0, maxzoom: 14 }],
      }
    },
  )

  app.get(
    '/tiles/:layer/:z/:x/:y.mvt',
    {
      config: { embed: 'any' },
      schema: {
        tags: ['tiles'],
        summary: 'One Mapbox Vector Tile of a layer (204 when empty)',
        params: TileParams,
        querystring: TileQuery,
        response: TILE_RESPONSES,
      },
    },
    async (request, reply) => {
      const { layer, z, x, y } = request.params
      const problem = tileError(z, x, y)
      if (problem) throw new BadRequestError(problem.field, problem.message)
      const { from = null, to = null } = layer === 'routes' ? request.query : {}
      if (from && to && from > to) throw new BadRequestError('to', `to (${to}) is before from (${from})`)
      const origin = layer === 'incidents' ? (parseFilter({ origin: request.query.origin }).origin ?? null) : null
      const key = from || to ? `${layer}/${z}/${x}/${y}?from=${from ?? ''}&to=${to ?? ''}` : origin ? `${layer}/${z}/${x}/${y}?origin=${origin}` : `${layer}/${z}/${x}/${y}`
      return sendTile(app, request, reply, [layer], key, () => getTile(app.db, layer, z, x, y, { from, to, origin }))
    },
  )

  app.get(
    '/tiles/hotspots.json',
    {
      config: { embed: 'any' },
      schema: {
        tags: ['tiles', 'hotspots'],
        summary: 'TileJSON 3.0.0 for the hotspot cells under the given filters',
        querystring: HotspotTileQuery,
        response: { 200: Type.Object({}, { additionalProperties: true }), 400: ErrorRef },
      },
    },
    async (request) => {
      const filter = parseFilter(request.query)
      const credits = await creditsFor(app.db, filter)
      const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''
      return {
        tilejson: '3.0.0',
        name: 'hotspots',
        scheme: 'xyz',
        tiles: [`${request.protocol}://${request.host}/tiles/hotspots/{z}/{x}/{y}.mvt${search}`],
        minzoom: 0,
        maxzoom: 14,
        bounds: ANALYSIS_BBOX,
        attribution: [...credits.map((c) => c.credit), AGGREGATION_NOTE].join('; '),
        vector_layers: [{ id: 'hotspots', fields: { h3: 'String', value: 'Number', n: 'Number' }, minzoom: 0, maxzoom: 14 }],
      }
    },
  )

  app.get(
    '/tiles/hotspots/:z/:x/:y.mvt',
    {
      config: { embed: 'any' },
      schema: {
        tags: ['tiles', 'hotspots'],
        summary: 'H3 hotspot cells of one tile as hexagons {h3, value, n} (204 when empty)',
        params: Type.Object({ z: Type.Integer(), x: Type.Integer(), y: Type.Integer() }),
        querystring: HotspotTileQuery,
        response: TILE_RESPONSES,
      },
    },
    async (request, reply) => {
      const { z, x, y } = request.params
      const problem = tileError(z, x, y)
      if (problem) throw new BadRequestError(problem.field, problem.message)
      const res = request.query.res ?? resolutionForZoom(z)
      // the cache key: the tile, its resolution and every filter, in the order the client sent them
      const key = `hotspots/${z}/${x}/${y}/${res}?${request.url.split('?')[1] ?? ''}`
      return sendTile(app, request, reply, ['incidents'], key, () =>
        getHotspotTile(app.db, z, x, y, res, parseFilter(request.query), metricField(request.query.metric)),
      )
    },
  )
}
