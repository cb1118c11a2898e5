// GET /api/hotspots: incidents per H3 cell, optionally with Getis-Ord Gi* hot and cold spots;
// GET /api/hotspots/trends: emerging hot spot categories per cell over month or quarter bins.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { giStarColumns, HOTSPOT_CLASSES } from '../../shared/gistar.ts'
import { binSequence } from '../geo/time-bins.ts'
import { emergingHotspots } from '../geo/trends.ts'
import { EMERGING_PATTERNS } from '../../shared/emerging.ts'
import { aggregateCellBins, aggregateCellColumns, creditsFor, hotspotLimits, SUM_FIELDS, type SumField } from '../repos/hotspots.ts'
import { sendCachedJson } from './cached-answer.ts'
import { answerJson, countCells, giStarCells } from './hotspot-answer.ts'
import { FilterQuery, parseFilter } from './incidents.ts'
import { ErrorRef } from './schemas.ts'

/** Said of every aggregate, as the IOM licence asks when data is changed. */
export const AGGREGATION_NOTE = 'aggregated to H3 cells by Sahel Routes'

const Res = Type.Integer({ minimum: 3, maximum: 8, default: 5, description: 'H3 resolution' })
const K = Type.Integer({ minimum: 1, maximum: 3, default: 1, description: 'k-ring of the Gi* neighbourhood' })
const METRIC = `^(count|sum:(${SUM_FIELDS.join('|')}))$`

/** Query of the hotspot cells and tiles: filters, metric, statistic. */
export const HotspotQuery = Type.Object({
  ...FilterQuery,
  res: Res,
  metric: Type.String({ pattern: METRIC, default: 'count', description: `count, or sum:<field> with field among ${SUM_FIELDS.join(', ')}` }),
  stat: Type.Union([Type.Literal('none'), Type.Literal('gistar')], { default: 'none' }),
  k: K,
  fdr: Type.Boolean({ default: true, description: 'Benjamini–Hochberg correction of the Gi* p-values' }),
})

/** The field a metric sums, or null for a count. */
export function metricField(metric: string): SumField | null {
  return metric === 'count' ? null : (metric.slice(4) as SumField)
}

const Credit = Type.Object({ dataset: Type.String(), credit: Type.String(), url: Type.Union([Type.String(), Type.Null()]) })

const Cell = Type.Object({
  h3: Type.String(),
  value: Type.Number(),
  n: Type.Integer(),
  z: Type.Optional(Type.Number({ description: 'Gi* z-score, to 4 decimals' })),
  p: Type.Optional(Type.Number({ description: 'two-sided p-value of z, to 6 decimals' })),
  q: Type.Optional(Type.Number({ description: 'p-value after the FDR correction (= p without it), to 6 decimals' })),
  class: Type.Optional(Type.Enum([...HOTSPOT_CLASSES])),
})

/** The answer of GET /api/hotspots. */
export const HotspotsAnswer = Type.Object({
  res: Type.Integer(),
  metric: Type.String(),
  stat: Type.String(),
  cells: Type.Array(Cell, {
    description: 'the cells with incidents and, with stat=gistar, the zero-filled neighbours that are hot or cold spots (n = 0)',
  }),
  study_area: Type.Optional(
    Type.Integer({ description: 'stat=gistar: cells in the Gi* study area, those with incidents and every cell within k of them (n of the statistic)' }),
  ),
  credits: Type.Array(Credit),
  note: Type.String(),
})

const CATEGORIES = [...EMERGING_PATTERNS.flatMap((p) => [`${p}_hot`, `${p}_cold`]), 'no_pattern']

const Trends = Type.Object({
  res: Type.Integer(),
  bin: Type.String(),
  bins: Type.Array(Type.String()),
  cells: Type.Array(
    Type.Object({
      h3: Type.String(),
      n: Type.Integer(),
      category: Type.Enum(CATEGORIES),
      trend: Type.Union([Type.Object({ s: Type.Number(), z: Type.Number(), p: Type.Number(), tau: Type.Number() }), Type.Null()]),
      counts: Type.Array(Type.Number()),
      z: Type.Array(Type.Number()),
      states: Type.Array(Type.Integer()),
    }),
  ),
  credits: Type.Array(Credit),
  note: Type.String(),
})

export const hotspotRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/hotspots',
    {
      config: { embed: 'any' },
      schema: {
        tags: ['hotspots'],
        summary: 'Incidents per H3 cell, with Getis-Ord Gi* hot and cold spots when stat=gistar',
        querystring: HotspotQuery,
        response: { 200: HotspotsAnswer, 400: ErrorRef },
      },
    },
    async (request, reply) => {
      const { res, metric, stat, k, fdr } = request.query
      const filter = parseFilter(request.query)
      // the same question of the same data gets the answer already computed (keyed by the incidents' version)
      return sendCachedJson(app, request, reply, ['incidents'], async () => {
        const [cells, credits] = await Promise.all([aggregateCellColumns(app.db, res, filter, metricField(metric)), creditsFor(app.db, filter)])
        // public readers get coarser cells than asked for: say which
        const gi = stat === 'none' ? undefined : giStarColumns(cells.res, cells.keys, cells.values, { k, fdr })
        const answer = { res: hotspotLimits(res).h3Res, metric, stat, cells: [], study_area: gi?.keys.length, credits, note: AGGREGATION_NOTE }
        // the cells written straight to JSON (hotspot-answer.ts), the rest by the schema
        const text = answerJson(reply.serialize(answer) as string, cells, gi)
        if (text !== null) return text
        return { ...answer, cells: gi ? giStarCells(cells, gi) : countCells(cells) }
      })
    },
  )

  app.get(
    '/api/hotspots/trends',
    {
      config: { embed: 'any' },
      schema: {
        tags: ['hotspots'],
        summary: 'Emerging hot spot analysis: Gi* per time bin, Mann-Kendall trend and category per cell',
        querystring: Type.Object({
          ...FilterQuery,
          res: Res,
          k: K,
          bin: Type.Union([Type.Literal('month'), Type.Literal('quarter')], { default: 'quarter' }),
        }),
        response: { 200: Trends, 400: ErrorRef },
      },
    },
    async (request) => {
      const { res, k, bin } = request.query
      const filter = parseFilter(request.query)
      const [rows, credits] = await Promise.all([aggregateCellBins(app.db, res, filter, bin), creditsFor(app.db, filter)])
      if (rows.length === 0) return { res, bin, bins: [], cells: [], credits, note: AGGREGATION_NOTE }
      // the rows come in no particular order: the first and last bins holding incidents
      let [first, last] = [rows[0].bin, rows[0].bin]
      for (const r of rows) {
        if (r.bin < first) first = r.bin
        if (r.bin > last) last = r.bin
      }
      const bins = binSequence(filter.from ?? first, filter.to ?? last, bin)
      return { res, bin, bins, cells: emergingHotspots(rows, bins, k), credits, note: AGGREGATION_NOTE }
    },
  )
}
