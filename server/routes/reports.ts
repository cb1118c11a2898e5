// POST /api/reports: a risk-analysis report of a map state over a period, as a multi-page A4 PDF
// (or the same content as one HTML page for intranets): cover with classification banners,
// regional map, key figures against the previous period, charts, emerging hot spots, routes and
// the latest saved patrol plan, with the credits of the data on every page.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { LANGUAGES } from '../../shared/map-state.ts'
import { audit } from '../repos/audit.ts'
import { reportContent } from '../reports/content.ts'
import { gatherReport } from '../reports/gather.ts'
import { reportHtml } from '../reports/html.ts'
import { mapHeightPt, pageGeometry, reportPdf } from '../reports/pdf.ts'
import { REPORT_SECTIONS, reportRequest } from '../reports/request.ts'
import { MapStateFields, mapStateOf } from './map-state-query.ts'
import { ErrorRef } from './schemas.ts'

const DATE = '^\\d{4}-\\d{2}-\\d{2}$'
const literals = <T extends string>(values: readonly T[]) => values.map((v) => Type.Literal(v))

const ReportBody = Type.Object(
  {
    state: Type.Object(MapStateFields, { additionalProperties: false, default: {}, description: 'the map state, as the query parameters of static maps and POST /api/views take it' }),
    period: Type.Object({
      from: Type.String({ pattern: DATE, description: 'first day, YYYY-MM-DD' }),
      to: Type.String({ pattern: DATE, description: 'last day, YYYY-MM-DD; the previous period of equal length is compared' }),
    }),
    title: Type.Optional(Type.String({ maxLength: 120 })),
    language: Type.Union(literals(LANGUAGES), { default: 'en' }),
    orientation: Type.Union(literals(['portrait', 'landscape'] as const), { default: 'portrait', description: 'A4' }),
    sections: Type.Array(Type.Union(literals(REPORT_SECTIONS)), { minItems: 1, uniqueItems: true, default: [...REPORT_SECTIONS], description: 'after the cover, in this order' }),
    format: Type.Optional(Type.Union(literals(['pdf', 'html'] as const), { description: 'default: html when the Accept header prefers text/html, else pdf' })),
    date: Type.Optional(Type.String({ pattern: DATE, description: 'the date printed on the report; default today (UTC)' })),
  },
  { additionalProperties: false },
)

/** html when the Accept header names text/html and not application/pdf, else pdf. */
function prefers(accept: string | undefined): 'pdf' | 'html' {
  return accept !== undefined && accept.includes('text/html') && !accept.includes('application/pdf') ? 'html' : 'pdf'
}

export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/reports',
    {
      config: { access: 'export' },
      schema: {
        tags: ['reports'],
        summary: 'A risk-analysis report of a map state over a period: multi-page A4 PDF, or HTML',
        body: ReportBody,
        response: { 200: { description: 'application/pdf, or text/html', content: { 'application/pdf': { schema: Type.Unknown() }, 'text/html': { schema: Type.Unknown() } } }, 400: ErrorRef },
      },
    },
    async (request, reply) => {
      const body = request.body
      const req = reportRequest(mapStateOf(body.state, 'body.state.'), body)
      const format = body.format ?? prefers(request.headers.accept)
      const landscape = req.orientation === 'landscape'
      const geometry = pageGeometry(landscape)
      const data = await gatherReport(app.db, req, geometry.contentWidth, mapHeightPt(landscape))
      const content = reportContent(data, { widthPt: geometry.contentWidth, heightPt: geometry.bottom - geometry.top })
      await audit(app.serviceDb, request.viewer, 'export', `report.${format}`, { period: req.period, lang: req.lang, sections: req.sections })
      const name = `report-${req.period.from}-${req.period.to}-${req.lang}.${format}`
      reply.header('content-disposition', `attachment; filename="${name}"`).header('x-report-classification', data.sharing.level)
      if (format === 'html') return reply.type('text/html; charset=utf-8').send(reportHtml(content))
      return reply.type('application/pdf').send(await reportPdf(content, { landscape, created: new Date(`${req.date}T00:00:00Z`) }))
    },
  )
}
