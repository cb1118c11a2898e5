// POST /api/imports (multipart upload of one incident file), GET /api/imports and
// GET /api/imports/:id: the import reports with every rejected row's line, field and reason.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type {} from '@fastify/multipart'
import { Type } from 'typebox'
import { IMPORT_FORMATS, type ImportFormat } from '../geo/incident-parse/formats.ts'
import { MappingError, parseMappingText } from '../geo/incident-parse/mapping.ts'
import type { ColumnMapping } from '../geo/incident-parse/types.ts'
import { THREATS } from '../../shared/vocabulary.ts'
import { BadRequestError } from '../http-errors.ts'
import { CsvSniffError } from '../import/plan-csv.ts'
import { previewCsvImport } from '../import/preview.ts'
import { ImportFileError, importFile, LicenceError } from '../import/run-import.ts'
import { getImport, listImports } from '../repos/imports.ts'
import { ErrorRef } from './schemas.ts'
import { ownerOf, Ownership, SharingOptions } from './sharing.ts'
import { SHARING_LEVELS, type Sharing } from '../../shared/access.ts'
import { audit } from '../repos/audit.ts'

const Rejection = Type.Object({ line: Type.Integer(), field: Type.String(), reason: Type.String() })

/** A column name per mapped field, with the coordinate and date order. */
const MappingFields = Type.Object(
  {
    lat: Type.Optional(Type.String()), lng: Type.Optional(Type.String()), coordinates: Type.Optional(Type.String()),
    date: Type.Optional(Type.String()), year: Type.Optional(Type.String()), month: Type.Optional(Type.String()),
    category: Type.Optional(Type.String()), id: Type.Optional(Type.String()), dead: Type.Optional(Type.String()),
    missing: Type.Optional(Type.String()), quantity: Type.Optional(Type.String()),
    order: Type.Optional(Type.Union([Type.Literal('latlng'), Type.Literal('lnglat')])),
    date_order: Type.Optional(Type.Union([Type.Literal('mdy'), Type.Literal('dmy')])),
  },
  { additionalProperties: false },
)

/** The mapping step of a CSV import, as recorded with it (imports.mapping). */
const StoredMapping = Type.Object({
  schema: Type.Union([Type.String(), Type.Null()], { description: 'the known schema recognised (iom-current, iom-2014-2021, iom-mirror, iom-dated, acled, acled-older), null for a generic CSV' }),
  schema_label: Type.String(),
  fields: MappingFields,
  date_form: Type.Union([Type.String(), Type.Null()], { description: 'how the dates are written: YYYY-MM-DD, DD/MM/YYYY, year + month, ...' }),
  notes: Type.Array(Type.String(), { description: 'choices made, e.g. which of two coordinate forms was used' }),
  user: Type.Optional(Type.Object({
    mapping: MappingFields,
    threat: Type.Optional(Type.String()),
    dataset: Type.Optional(Type.String()),
    credit: Type.Optional(Type.String()),
  }, { description: "the user's own mapping and defaults, reused by the next import of a file with the same headers" })),
  reused_from: Type.Union([Type.Integer(), Type.Null()], { description: 'the earlier import whose mapping this one reused' }),
})

const ImportSummary = {
  id: Type.Integer(),
  file_name: Type.String(),
  format: Type.String(),
  source_dataset: Type.String(),
  credit: Type.Union([Type.String(), Type.Null()]),
  checksum: Type.String(),
  strict: Type.Boolean(),
  status: Type.Union([Type.Literal('completed'), Type.Literal('rejected'), Type.Literal('failed')]),
  rows_read: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  error: Type.Union([Type.String(), Type.Null()]),
  started_at: Type.String(),
  finished_at: Type.String(),
  mapping: Type.Union([StoredMapping, Type.Null()], { description: 'the CSV mapping step: columns used, date form, notes (null for GeoJSON, KML, GPX)' }),
  ...Ownership,
}

const ImportReport = Type.Object({
  ...ImportSummary,
  rejections: Type.Array(Rejection, { description: 'the first 10,000 rejected rows' }),
  noop: Type.Optional(Type.Boolean({ description: 'true when the same file was already imported: nothing changed' })),
})

/** Options of an upload, as query string or as multipart fields sent before the file. */
const ImportOptionsQuery = Type.Object({
  format: Type.Enum([...IMPORT_FORMATS], { default: 'auto' }),
  strict: Type.Boolean({ default: false, description: 'put nothing in when any row is rejected' }),
  dataset: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9_.-]{0,62}$', description: 'dataset name (generic files)' })),
  credit: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'credit line (generic files)' })),
  threat: Type.Optional(Type.Enum([...THREATS], { description: 'threat for rows whose category fits none (else unclassified)' })),
  mapping: Type.Optional(Type.String({ maxLength: 2000, description: 'field=column pairs, e.g. lat=Lat,lng=Lon,date=Day,order=lnglat,date_order=dmy, or the same as a JSON object' })),
  ...SharingOptions,
})

const MAX_UPLOAD_BYTES = 1024 ** 3

function parseMapping(text: string | undefined): ColumnMapping {
  try {
    return parseMappingText(text)
  } catch (err) {
    throw new BadRequestError('mapping', (err as Error).message)
  }
}

const ImportPreview = Type.Object({
  file_name: Type.String(),
  format: Type.String({ description: 'the reader chosen: iom, acled or csv' }),
  header: Type.Array(Type.String()),
  delimiter: Type.String(),
  rows: Type.Array(Type.Array(Type.String()), { description: 'the first 10 rows' }),
  mapping: StoredMapping,
  problems: Type.Array(Type.Object({ field: Type.String(), message: Type.String() }), { description: 'what stops the import, by mapped field' }),
  dataset: Type.String(),
  credit: Type.String(),
  threat: Type.Union([Type.String(), Type.Null()]),
  sample: Type.Object({
    rows: Type.Integer(), accepted: Type.Integer(), rejected: Type.Integer(), dead: Type.Integer(), missing: Type.Integer(),
    threats: Type.Record(Type.String(), Type.Integer()),
    rejections: Type.Array(Rejection),
  }, { description: 'a dry run over the first 50 rows' }),
})

/** A multipart text field must agree with the query schema; checked by hand as multipart has no schema. */
function fieldValue(field: string, value: string): unknown {
  if (field === 'strict') {
    if (value !== 'true' && value !== 'false') throw new BadRequestError('strict', `strict must be true or false, got "${value}"`)
    return value === 'true'
  }
  if (field === 'format' && !(IMPORT_FORMATS as readonly string[]).includes(value)) throw new BadRequestError('format', `format must be one of ${IMPORT_FORMATS.join(', ')}, got "${value}"`)
  if (field === 'threat' && !(THREATS as readonly string[]).includes(value)) throw new BadRequestError('threat', `threat must be one of ${THREATS.join(', ')}, got "${value}"`)
  if (field === 'sharing' && !(SHARING_LEVELS as readonly string[]).includes(value)) throw new BadRequestError('sharing', `sharing must be one of ${SHARING_LEVELS.join(', ')}, got "${value}"`)
  if (field === 'dataset' && !/^[a-z0-9][a-z0-9_.-]{0,62}$/.test(value)) throw new BadRequestError('dataset', `dataset must be lower-case letters, digits, "_", "." or "-", got "${value}"`)
  return value
}

/** Bytes a preview reads at most (the web app sends the first 256 KiB of the file). */
const MAX_PREVIEW_BYTES = 4 * 1024 ** 2

/** Reads a multipart upload: its options (query string, then fields before the file) and the file, saved to a temporary path. */
async function receiveUpload(request: FastifyRequest, maxBytes: number): Promise<{ path: string; fileName: string; options: Record<string, unknown> }> {
  if (!request.isMultipart()) throw Object.assign(new BadRequestError('file', 'send the file as multipart/form-data in a field named "file"'), { statusCode: 415 })
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } }).catch((err: Error & { statusCode?: number }) => {
    if (err.statusCode) throw err
    // a cut-off or malformed multipart body is the client's to fix
    throw new BadRequestError('file', `the upload could not be read: ${err.message}`)
  })
  if (!part) throw new BadRequestError('file', 'no file in the upload: send it in a multipart field named "file"')
  const options: Record<string, unknown> = { ...(request.query as object) }
  for (const [name, f] of Object.entries(part.fields)) {
    const value = (Array.isArray(f) ? f[0] : f) as { type?: string; value?: unknown } | undefined
    if (value?.type === 'field' && name in ImportOptionsQuery.properties) options[name] = fieldValue(name, String(value.value))
  }
  const path = join(tmpdir(), `sahel-import-${randomUUID()}`)
  try {
    await pipeline(part.file, createWriteStream(path)).catch((err: Error) => {
      throw new BadRequestError('file', `the upload could not be read: ${err.message}`)
    })
    if (part.file.truncated) throw Object.assign(new BadRequestError('file', `file larger than ${maxBytes} bytes`), { statusCode: 413 })
  } catch (err) {
    await rm(path, { force: true })
    throw err
  }
  return { path, fileName: part.filename || 'upload', options }
}

/** The errors of a file or mapping the client must fix: 400 naming the field. */
function clientError(err: Error): Error {
  if (err instanceof ImportFileError || err instanceof CsvSniffError) return new BadRequestError('file', err.message)
  if (err instanceof MappingError) return new BadRequestError('mapping', err.message)
  if (err instanceof LicenceError) return new BadRequestError('sharing', err.message)
  return err
}

export const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/imports',
    {
      config: { access: 'import' },
      schema: {
        tags: ['imports'],
        summary: 'Import one incident file (multipart field "file"); options as query string or fields before the file',
        consumes: ['multipart/form-data'],
        querystring: ImportOptionsQuery,
        response: { 200: ImportReport, 201: ImportReport, 400: ErrorRef, 413: ErrorRef, 415: ErrorRef, 422: ImportReport },
      },
    },
    async (request, reply) => {
      const { path, fileName, options } = await receiveUpload(request, MAX_UPLOAD_BYTES)
      try {
        const owner = ownerOf(request.viewer, options.sharing as Sharing, options.partners as string | undefined)
        const report = await importFile(app.db, {
          path,
          owner,
          fileName,
          format: options.format as ImportFormat,
          strict: options.strict as boolean,
          dataset: options.dataset as string | undefined,
          credit: options.credit as string | undefined,
          threat: options.threat as string | undefined,
          mapping: parseMapping(options.mapping as string | undefined),
        }).catch((err: Error) => {
          // a file whose format cannot even be told (empty, no header) is refused before any import starts
          throw clientError(err)
        })
        await audit(app.serviceDb, request.viewer, 'import', `import:${report.id}`, { file: report.file_name, dataset: report.source_dataset, status: report.status, noop: report.noop, inserted: report.inserted, updated: report.updated, sharing: owner.sharing, partners: owner.partners })
        return reply.code(report.status !== 'completed' ? 422 : report.noop ? 200 : 201).send({ ...report, rejections: report.rejections ?? [] })
      } finally {
        await rm(path, { force: true })
      }
    },
  )

  app.post(
    '/api/imports/preview',
    {
      config: { access: 'import' },
      schema: {
        tags: ['imports'],
        summary: 'The mapping step of a CSV import, nothing written: detected schema, the column of each field, date form, first rows and a dry run (send the first part of the file)',
        consumes: ['multipart/form-data'],
        querystring: ImportOptionsQuery,
        response: { 200: ImportPreview, 400: ErrorRef, 413: ErrorRef, 415: ErrorRef },
      },
    },
    async (request) => {
      const { path, fileName, options } = await receiveUpload(request, MAX_PREVIEW_BYTES)
      try {
        const format = options.format as ImportFormat
        if (format === 'geojson' || format === 'kml' || format === 'gpx' || (format === 'auto' && /\.(geo)?json$|\.kml$|\.gpx$/i.test(fileName))) {
          throw new BadRequestError('format', `the mapping step is for CSV files; ${fileName} is read as ${format === 'auto' ? 'a document format' : format}`)
        }
        return await previewCsvImport(app.db, {
          path, fileName, format,
          mapping: parseMapping(options.mapping as string | undefined),
          threat: options.threat as string | undefined,
          dataset: options.dataset as string | undefined,
          credit: options.credit as string | undefined,
        }, ownerOf(request.viewer).agencyId).catch((err: Error) => {
          throw clientError(err)
        })
      } finally {
        await rm(path, { force: true })
      }
    },
  )

  app.get(
    '/api/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'The latest imports, newest first (without rejection lists)',
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }) }),
        response: { 200: Type.Object({ imports: Type.Array(Type.Object(ImportSummary)) }), 400: ErrorRef },
      },
    },
    async (request) => ({ imports: await listImports(app.db, request.query.limit) }),
  )

  app.get(
    '/api/imports/:id',
    {
      schema: {
        tags: ['imports'],
        summary: 'One import report with its rejected rows',
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }),
        response: { 200: ImportReport, 400: ErrorRef, 404: ErrorRef },
      },
    },
    async (request, reply) => {
      const report = await getImport(app.db, request.params.id)
      return report ? { ...report, rejections: report.rejections ?? [] } : reply.notFound(`no import with id ${request.params.id}`)
    },
  )
}
