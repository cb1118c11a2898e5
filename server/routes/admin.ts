// /api/admin/*: agencies, users, API tokens and the audit log, for admins. An agency's admins
// manage that agency's users; the secretariat's admins (agency 1) manage every agency's, and add
// agencies. Token secrets are shown once, at creation; only their hash is kept.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { MEMBER_STATES, ROLES, SECRETARIAT_AGENCY_ID, type Role, type Viewer } from '../../shared/access.ts'
import { hashPassword, newToken, tokenHash } from '../auth/secrets.ts'
import { BadRequestError } from '../http-errors.ts'
import { audit, listAudit } from '../repos/audit.ts'
import { insertAgency, insertToken, insertUser, listAgencies, listTokens, listUsers, revokeToken, updateUser, userByName } from '../repos/auth.ts'
import { ErrorRef } from './schemas.ts'

/** The agency whose users a viewer manages; null = every agency (AUTH=off, or the secretariat). */
function managedAgency(viewer: Viewer): number | null {
  return viewer.kind === 'user' && viewer.agencyId !== SECRETARIAT_AGENCY_ID ? viewer.agencyId : null
}

const Agency = Type.Object({ id: Type.Integer(), name: Type.String(), state: Type.Union([Type.String(), Type.Null()]) })
const Timestamp = Type.Union([Type.String(), Type.Null()])
const User = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  role: Type.String(),
  agency_id: Type.Integer(),
  agency_name: Type.String(),
  state: Type.Union([Type.String(), Type.Null()]),
  expires_at: Timestamp,
  revoked_at: Timestamp,
  created_at: Type.String(),
})
const Token = Type.Object({ id: Type.Integer(), label: Type.String(), created_at: Type.String(), expires_at: Type.String(), revoked_at: Timestamp })
const Id = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) })
const RoleSchema = Type.Enum([...ROLES])
const FutureDate = Type.String({ format: 'date-time', description: 'ISO 8601 date-time' })

/** Minimum password length: a passphrase, not a word. */
export const MIN_PASSWORD_LENGTH = 12

function futureDate(field: string, text: string): Date {
  const date = new Date(text)
  if (Number.isNaN(date.getTime())) throw new BadRequestError(field, `${field} must be an ISO 8601 date-time, got "${text}"`)
  if (date.getTime() <= Date.now()) throw new BadRequestError(field, `${field} must be in the future, got ${text}`)
  return date
}

export const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const admin = { access: 'admin' as const }

  app.get('/api/admin/agencies', { config: admin, schema: { tags: ['admin'], summary: 'Every agency', response: { 200: Type.Object({ agencies: Type.Array(Agency) }) } } }, async () => ({
    agencies: await listAgencies(app.serviceDb),
  }))

  app.post(
    '/api/admin/agencies',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Add an agency of a member state (secretariat admins)',
        body: Type.Object({ name: Type.String({ minLength: 2, maxLength: 120 }), state: Type.Enum([...MEMBER_STATES]) }, { additionalProperties: false }),
        response: { 201: Agency, 400: ErrorRef, 403: ErrorRef, 409: ErrorRef },
      },
    },
    async (request, reply) => {
      if (managedAgency(request.viewer) !== null) return reply.forbidden('only the secretariat adds agencies')
      const agency = await insertAgency(app.serviceDb, request.body.name.trim(), request.body.state).catch((err: { code?: string }) => {
        if (err.code === '23505') throw Object.assign(new BadRequestError('body.name', `an agency named "${request.body.name}" exists`), { statusCode: 409 })
        throw err
      })
      await audit(app.serviceDb, request.viewer, 'agency.create', `agency:${agency.id}`, { name: agency.name, state: agency.state })
      return reply.code(201).send(agency)
    },
  )

  app.get('/api/admin/users', { config: admin, schema: { tags: ['admin'], summary: 'The users this admin manages', response: { 200: Type.Object({ users: Type.Array(User) }) } } }, async (request) => ({
    users: await listUsers(app.serviceDb, managedAgency(request.viewer)),
  }))

  app.post(
    '/api/admin/users',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Add a user (to the admin\'s agency; the secretariat may name another)',
        body: Type.Object(
          {
            username: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{1,63}$', description: 'lower-case letters, digits, ".", "_", "-"' }),
            role: RoleSchema,
            password: Type.Optional(Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1024, description: `at least ${MIN_PASSWORD_LENGTH} characters; none = API tokens only` })),
            agency_id: Type.Optional(Type.Integer({ minimum: 1 })),
            expires_at: Type.Optional(FutureDate),
          },
          { additionalProperties: false },
        ),
        response: { 201: User, 400: ErrorRef, 403: ErrorRef, 409: ErrorRef },
      },
    },
    async (request, reply) => {
      const managed = managedAgency(request.viewer)
      const own = request.viewer.kind === 'user' ? request.viewer.agencyId : SECRETARIAT_AGENCY_ID
      const agencyId = request.body.agency_id ?? own
      if (managed !== null && agencyId !== managed) return reply.forbidden('admins add users to their own agency only')
      if (!(await listAgencies(app.serviceDb)).some((a) => a.id === agencyId)) throw new BadRequestError('body.agency_id', `no agency with id ${agencyId}`)
      if (await userByName(app.serviceDb, request.body.username)) return reply.conflict(`a user named "${request.body.username}" exists`)
      const user = await insertUser(app.serviceDb, {
        agencyId,
        username: request.body.username,
        role: request.body.role,
        passwordHash: request.body.password ? await hashPassword(request.body.password) : null,
        expiresAt: request.body.expires_at ? futureDate('body.expires_at', request.body.expires_at) : null,
      })
      await audit(app.serviceDb, request.viewer, 'user.create', `user:${user.id}`, { username: user.username, role: user.role, agency_id: user.agency_id })
      return reply.code(201).send(user)
    },
  )

  app.patch(
    '/api/admin/users/:id',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Change a user\'s role, revoke or restore it, or set its expiry (null: none)',
        params: Id,
        body: Type.Object({ role: Type.Optional(RoleSchema), revoked: Type.Optional(Type.Boolean()), expires_at: Type.Optional(Type.Union([FutureDate, Type.Null()])) }, { additionalProperties: false }),
        response: { 200: User, 400: ErrorRef, 404: ErrorRef },
      },
    },
    async (request, reply) => {
      const { role, revoked, expires_at } = request.body
      const user = await updateUser(app.serviceDb, request.params.id, managedAgency(request.viewer), {
        role: role as Role | undefined,
        revoked,
        expiresAt: expires_at === undefined ? undefined : expires_at === null ? null : futureDate('body.expires_at', expires_at),
      })
      if (!user) return reply.notFound(`no user with id ${request.params.id} in your agency`)
      await audit(app.serviceDb, request.viewer, 'user.update', `user:${user.id}`, request.body)
      return user
    },
  )

  app.get(
    '/api/admin/users/:id/tokens',
    { config: admin, schema: { tags: ['admin'], summary: 'A user\'s API tokens (never their secrets)', params: Id, response: { 200: Type.Object({ tokens: Type.Array(Token) }), 404: ErrorRef } } },
    async (request, reply) => {
      const managed = managedAgency(request.viewer)
      const user = (await listUsers(app.serviceDb, managed)).find((u) => u.id === request.params.id)
      if (!user) return reply.notFound(`no user with id ${request.params.id} in your agency`)
      return { tokens: await listTokens(app.serviceDb, user.id) }
    },
  )

  app.post(
    '/api/admin/users/:id/tokens',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Issue an API token for a user: the secret is in this answer only',
        params: Id,
        body: Type.Object({ label: Type.String({ minLength: 1, maxLength: 100 }), days: Type.Integer({ minimum: 1, maximum: 366, default: 90, description: 'days until it expires' }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Type.Integer(), token: Type.String(), expires_at: Type.String() }), 400: ErrorRef, 404: ErrorRef },
      },
    },
    async (request, reply) => {
      const user = (await listUsers(app.serviceDb, managedAgency(request.viewer))).find((u) => u.id === request.params.id)
      if (!user) return reply.notFound(`no user with id ${request.params.id} in your agency`)
      const token = newToken('api')
      const stored = await insertToken(app.serviceDb, user.id, 'api', tokenHash(token), request.body.label, new Date(Date.now() + request.body.days * 86_400_000))
      await audit(app.serviceDb, request.viewer, 'token.create', `token:${stored.id}`, { user_id: user.id, label: request.body.label, days: request.body.days })
      return reply.code(201).send({ id: stored.id, token, expires_at: stored.expires_at })
    },
  )

  app.delete(
    '/api/admin/tokens/:id',
    { config: admin, schema: { tags: ['admin'], summary: 'Revoke an API token', params: Id, response: { 204: Type.Null(), 404: ErrorRef } } },
    async (request, reply) => {
      if (!(await revokeToken(app.serviceDb, request.params.id, managedAgency(request.viewer)))) return reply.notFound(`no live token with id ${request.params.id} in your agency`)
      await audit(app.serviceDb, request.viewer, 'token.revoke', `token:${request.params.id}`)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/admin/audit',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Who imported, edited, exported and planned what: newest first, pages by before=<id>',
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }), before: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })) }),
        response: {
          200: Type.Object({
            entries: Type.Array(
              Type.Object({
                id: Type.Integer(),
                at: Type.String(),
                user_id: Type.Union([Type.Integer(), Type.Null()]),
                username: Type.String(),
                agency_id: Type.Union([Type.Integer(), Type.Null()]),
                action: Type.String(),
                target: Type.String(),
                detail: Type.Object({}, { additionalProperties: true }),
              }),
            ),
          }),
          400: ErrorRef,
        },
      },
    },
    async (request) => ({ entries: await listAudit(app.serviceDb, managedAgency(request.viewer), request.query.limit, request.query.before ?? null) }),
  )
}
