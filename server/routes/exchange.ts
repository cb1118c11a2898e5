// Exchange between deployments (docs/exchange.md): this instance's identity, its partners, bundle
// upload (merge) and download, and the changes feed partners pull with the API token we issued.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { MEMBER_STATES } from '../../shared/access.ts'
import { credentialOf } from '../auth/access-control.ts'
import { tokenHash } from '../auth/secrets.ts'
import { exportBundle } from '../exchange/export.ts'
import { mergeBundle } from '../exchange/merge.ts'
import { changePartner, registerPartner, removePartner, PartnerInputError } from '../exchange/partners.ts'
import { EXCHANGE_LEVELS } from '../exchange/rules.ts'
import { BadRequestError } from '../http-errors.ts'
import { audit } from '../repos/audit.ts'
import { viewerByTokenHash } from '../repos/auth.ts'
import { getIdentity, getPartner, listPartners, partnerByAgency } from '../repos/exchange.ts'
import { ErrorRef } from './schemas.ts'

/** Largest bundle accepted by upload, bytes. */
const MAX_BUNDLE_BYTES = 1024 ** 3

const Identity = Type.Object({
  instance_id: Type.String(),
  state_iso3: Type.Union([Type.String(), Type.Null()]),
  agency_name: Type.Union([Type.String(), Type.Null()]),
  public_key: Type.Union([Type.String(), Type.Null()]),
})

const PartnerOut = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  instance_id: Type.String(),
  state_iso3: Type.String(),
  agency_id: Type.Integer(),
  agency_name: Type.String(),
  public_key: Type.String(),
  levels: Type.Array(Type.String()),
  url: Type.Union([Type.String(), Type.Null()]),
  has_pull_token: Type.Boolean(),
  sent_sequence: Type.Integer(),
  received_sequence: Type.Integer(),
  pull_cursor: Type.Integer(),
})

const PartnerIn = Type.Object(
  {
    name: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,62}$', description: 'short name, e.g. mali-police' }),
    instance_id: Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' }),
    state: Type.Enum([...MEMBER_STATES]),
    agency: Type.String({ minLength: 2, maxLength: 120, description: 'the partner agency, as its identity names it' }),
    public_key: Type.String({ minLength: 40, maxLength: 200, description: 'npm run exchange -- identity on the partner prints it' }),
    levels: Type.Array(Type.Enum([...EXCHANGE_LEVELS]), { minItems: 1, uniqueItems: true }),
    url: Type.Optional(Type.String({ pattern: '^https?://', maxLength: 2000, description: 'the partner service, for online pulls' })),
    token: Type.Optional(Type.String({ minLength: 8, maxLength: 200, description: 'the API token the partner issued us, for online pulls' })),
  },
  { additionalProperties: false },
)

const PartnerName = Type.Object({ name: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,62}$' }) })

const PartnerPatch = Type.Object(
  {
    public_key: Type.Optional(PartnerIn.properties.public_key),
    levels: Type.Optional(PartnerIn.properties.levels),
    url: Type.Optional(Type.Union([Type.String({ pattern: '^https?://', maxLength: 2000 }), Type.Null()], { description: 'the partner service for online pulls; null (with token null): bundles only' })),
    token: Type.Optional(Type.Union([Type.String({ minLength: 8, maxLength: 200 }), Type.Null()], { description: 'the API token the partner issued us; give it with url' })),
  },
  { additionalProperties: false, minProperties: 1 },
)

const Counts = Type.Object({ received: Type.Integer(), inserted: Type.Integer(), updated: Type.Integer(), deleted: Type.Integer() })
const MergeReport = Type.Object({
  bundle_id: Type.String(),
  partner: Type.String(),
  sequence: Type.Integer(),
  noop: Type.Boolean(),
  import_id: Type.Union([Type.Integer(), Type.Null()]),
  counts: Type.Object({ imports: Counts, incidents: Counts, routes: Counts, plans: Counts }),
})

export const exchangeRoutes: FastifyPluginAsyncTypebox<{ keyFile: string | null }> = async (app, { keyFile }) => {
  // bundles are uploaded as raw bytes (the web dialog sends the file as the body)
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_BUNDLE_BYTES }, (_request, body, done) => done(null, body))

  app.get(
    '/api/exchange/identity',
    { config: { access: 'admin' }, schema: { tags: ['exchange'], summary: "This instance's id, state, agency and public key (give them to partners)", response: { 200: Identity, 404: ErrorRef } } },
    async (_request, reply) => (await getIdentity(app.serviceDb)) ?? reply.notFound('no exchange identity yet'),
  )

  app.get(
    '/api/exchange/partners',
    { config: { access: 'admin' }, schema: { tags: ['exchange'], summary: 'Registered partner instances (pull tokens never shown)', response: { 200: Type.Object({ partners: Type.Array(PartnerOut) }) } } },
    async () => ({ partners: (await listPartners(app.serviceDb)).map(({ pull_token: _t, ...p }) => ({ ...p, has_pull_token: Boolean(p.has_pull_token) })) }),
  )

  app.post(
    '/api/exchange/partners',
    { config: { access: 'admin' }, schema: { tags: ['exchange'], summary: 'Register a partner instance: its key, state, agency and the levels it may receive', body: PartnerIn, response: { 201: PartnerOut, 400: ErrorRef, 409: ErrorRef } } },
    async (request, reply) => {
      const b = request.body
      const partner = await registerPartner(app.serviceDb, { name: b.name, instanceId: b.instance_id, state: b.state, agency: b.agency, publicKey: b.public_key, levels: b.levels, url: b.url ?? null, pullToken: b.token ?? null }).catch((err) => {
        if (err instanceof PartnerInputError) throw err.statusCode === 409 ? reply.conflict(err.message) : new BadRequestError(`body.${err.field}`, err.message)
        throw err
      })
      await audit(app.serviceDb, request.viewer, 'exchange.partner.create', `partner:${partner.name}`, { instance_id: partner.instance_id, state: partner.state_iso3, levels: partner.levels })
      const { pull_token: _t, ...out } = partner
      return reply.code(201).send({ ...out, has_pull_token: b.token !== undefined })
    },
  )

  /** A PartnerInputError as the HTTP answer: 404 unknown partner, 409 taken, else 400 naming `body.<field>`. */
  const partnerRefusal = (reply: FastifyReply, err: unknown) => {
    if (!(err instanceof PartnerInputError)) throw err
    if (err.statusCode === 404) return reply.notFound(err.message)
    if (err.statusCode === 409) return reply.conflict(err.message)
    throw new BadRequestError(err.field === 'body' ? 'body' : `body.${err.field}`, err.message)
  }

  app.patch(
    '/api/exchange/partners/:name',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['exchange'],
        summary: "Change a partner: its public key (after it rotated its key), the levels it may receive, its pull URL and token",
        params: PartnerName,
        body: PartnerPatch,
        response: { 200: PartnerOut, 400: ErrorRef, 404: ErrorRef },
      },
    },
    async (request, reply) => {
      const b = request.body
      if ((b.url === undefined) !== (b.token === undefined)) throw new BadRequestError(b.url === undefined ? 'body.url' : 'body.token', 'give url and token together (both null: bundles only)')
      const pull = b.url === undefined ? undefined : { url: b.url ?? null, token: b.token ?? null }
      let partner
      try {
        partner = await changePartner(app.serviceDb, request.params.name, { publicKey: b.public_key, levels: b.levels, pull })
      } catch (err) {
        return partnerRefusal(reply, err)
      }
      await audit(app.serviceDb, request.viewer, 'exchange.partner.update', `partner:${partner.name}`, {
        changed: Object.keys(b).filter((k) => k !== 'token'),
        ...(b.levels ? { levels: partner.levels } : {}),
        ...(b.public_key ? { public_key: partner.public_key } : {}),
      })
      const { pull_token: token, ...out } = partner
      return { ...out, has_pull_token: token !== null }
    },
  )

  app.delete(
    '/api/exchange/partners/:name',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['exchange'],
        summary: 'Remove a partner: its bundles are refused from now on and its pull tokens revoked; the records it sent stay',
        params: PartnerName,
        response: { 204: Type.Null(), 404: ErrorRef },
      },
    },
    async (request, reply) => {
      let tokensRevoked
      try {
        ;({ tokensRevoked } = await removePartner(app.serviceDb, request.params.name))
      } catch (err) {
        return partnerRefusal(reply, err)
      }
      await audit(app.serviceDb, request.viewer, 'exchange.partner.delete', `partner:${request.params.name}`, { tokens_revoked: tokensRevoked })
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/api/exchange/partners/:name/bundle',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['exchange'],
        summary: 'Write a signed bundle of everything the partner may receive (changed since a date), as a file',
        params: Type.Object({ name: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,62}$' }) }),
        querystring: Type.Object({ since: Type.Optional(Type.String({ format: 'date', description: 'only records changed since this day (UTC)' })) }),
        response: { 200: Type.Unknown({ description: 'the bundle (application/octet-stream)' }), 400: ErrorRef, 404: ErrorRef },
      },
    },
    async (request, reply) => {
      const partner = await getPartner(app.serviceDb, { name: request.params.name })
      if (!partner) return reply.notFound(`no partner named "${request.params.name}"`)
      const since = request.query.since ? new Date(`${request.query.since}T00:00:00Z`) : null
      const out = await exportBundle(app.serviceDb, partner, { keyFile, since })
      await audit(app.serviceDb, request.viewer, 'exchange.export', `bundle:${out.bundleId}`, { partner: partner.name, sequence: out.sequence, since: request.query.since ?? null, ...out.counts })
      return reply
        .type('application/octet-stream')
        .header('content-disposition', `attachment; filename="${partner.name}-${out.sequence}.sahel-bundle"`)
        .send(out.bytes)
    },
  )

  app.post(
    '/api/exchange/bundles',
    {
      config: { access: 'admin' },
      bodyLimit: MAX_BUNDLE_BYTES,
      schema: {
        tags: ['exchange'],
        summary: 'Merge a bundle from a partner (the file as an application/octet-stream body): verified, then merged in one transaction',
        consumes: ['application/octet-stream'],
        response: { 200: MergeReport, 201: MergeReport, 400: ErrorRef, 403: ErrorRef, 409: ErrorRef, 415: ErrorRef, 422: ErrorRef },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw Object.assign(new BadRequestError('body', 'send the bundle file as the body, Content-Type: application/octet-stream'), { statusCode: 415 })
      const report = await mergeBundle(app.serviceDb, request.body, { viewer: request.viewer, action: 'exchange.import' })
      return reply.code(report.noop ? 200 : 201).send(report)
    },
  )

  app.get(
    '/api/exchange/changes',
    {
      // partners authenticate with the API token we issued to their agency, also with AUTH=off
      config: { access: 'public' },
      schema: {
        tags: ['exchange'],
        summary: 'For a partner instance: a signed bundle of what it may receive that changed after the cursor (Authorization: Bearer, the token issued to its agency)',
        querystring: Type.Object({ cursor: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0, description: 'the cursor of the last bundle merged (its header)' }) }),
        response: { 200: Type.Unknown({ description: 'the bundle (application/octet-stream)' }), 400: ErrorRef, 401: ErrorRef, 403: ErrorRef },
      },
    },
    async (request, reply) => {
      const credential = credentialOf(request)
      const viewer = credential === null ? null : await viewerByTokenHash(app.serviceDb, tokenHash(credential))
      if (!viewer) return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'send the API token this instance issued to your agency as "Authorization: Bearer <token>"' })
      const partner = await partnerByAgency(app.serviceDb, viewer.agencyId)
      if (!partner) return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: `agency "${viewer.agencyName}" is not a registered exchange partner` })
      const out = await exportBundle(app.serviceDb, partner, { keyFile, afterCursor: request.query.cursor })
      await audit(app.serviceDb, viewer, 'exchange.changes', `bundle:${out.bundleId}`, { partner: partner.name, sequence: out.sequence, after_cursor: request.query.cursor, cursor: out.cursor, ...out.counts })
      return reply.type('application/octet-stream').send(out.bytes)
    },
  )
}
