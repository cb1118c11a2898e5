// POST /api/auth/login (the web app's sign-in: a session cookie), POST /api/auth/logout and
// GET /api/auth/me (who the request is, and what it may do; 401 when signed out).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { permissionsOf, type Viewer } from '../../shared/access.ts'
import { credentialOf, SESSION_COOKIE } from '../auth/access-control.ts'
import { hashPassword, newToken, TOKEN_PREFIX, tokenHash, verifyPassword } from '../auth/secrets.ts'
import { audit } from '../repos/audit.ts'
import { insertToken, loginUser, revokeSession, viewerByTokenHash } from '../repos/auth.ts'
import { ErrorRef } from './schemas.ts'

/** A web session lasts a working day. */
export const SESSION_HOURS = 12

const Me = Type.Object({
  mode: Type.Union([Type.Literal('local'), Type.Literal('user'), Type.Literal('embed')], { description: 'local: AUTH=off, no sign-in' }),
  user: Type.Optional(
    Type.Object({
      id: Type.Integer(),
      username: Type.String(),
      role: Type.String(),
      agency: Type.Object({ id: Type.Integer(), name: Type.String(), state: Type.Union([Type.String(), Type.Null()]) }),
    }),
  ),
  view: Type.Optional(Type.String({ description: 'the saved view an embed token opens' })),
  permissions: Type.Array(Type.String()),
})

function meOf(viewer: Viewer) {
  const permissions = permissionsOf(viewer)
  if (viewer.kind === 'user') {
    return { mode: 'user' as const, user: { id: viewer.userId, username: viewer.username, role: viewer.role, agency: { id: viewer.agencyId, name: viewer.agencyName, state: viewer.state } }, permissions }
  }
  if (viewer.kind === 'embed') return { mode: 'embed' as const, view: viewer.viewId, permissions }
  return { mode: 'local' as const, permissions }
}

function sessionCookie(request: FastifyRequest, value: string, maxAgeS: number): string {
  const secure = request.protocol === 'https' ? '; Secure' : ''
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeS}${secure}`
}

// Compared against when the user does not exist, so a wrong name takes as long as a wrong password.
// Made at the first login, not at start-up: scrypt costs ~100 ms and AUTH=off never needs it.
let noUserHash: Promise<string> | null = null

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with a username and password: sets the session cookie (HttpOnly, SameSite=Lax, 12 h)',
        body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 1024 }) }, { additionalProperties: false }),
        response: { 200: Me, 400: ErrorRef, 401: ErrorRef },
      },
    },
    async (request, reply) => {
      const user = await loginUser(app.serviceDb, request.body.username.trim().toLowerCase())
      const ok = await verifyPassword(request.body.password, user?.passwordHash ?? (await (noUserHash ??= hashPassword(newToken('api')))))
      if (!user || !user.passwordHash || !ok) return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'wrong username or password, or the account is revoked or expired' })
      const token = newToken('session')
      const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000)
      await insertToken(app.serviceDb, user.id, 'session', tokenHash(token), 'web session', expiresAt)
      const viewer = (await viewerByTokenHash(app.serviceDb, tokenHash(token)))!
      await audit(app.serviceDb, viewer, 'login', `user:${user.id}`)
      return reply.header('set-cookie', sessionCookie(request, token, SESSION_HOURS * 3600)).send(meOf(viewer))
    },
  )

  app.post(
    '/api/auth/logout',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'End the web session and clear its cookie', response: { 204: Type.Null() } } },
    async (request, reply) => {
      const credential = credentialOf(request)
      if (credential?.startsWith(TOKEN_PREFIX.session)) await revokeSession(app.serviceDb, tokenHash(credential))
      if (request.viewer.kind === 'user') await audit(app.serviceDb, request.viewer, 'logout', `user:${request.viewer.userId}`)
      return reply.header('set-cookie', sessionCookie(request, '', 0)).code(204).send(null)
    },
  )

  app.get(
    '/api/auth/me',
    {
      config: { access: 'public', embed: 'any' },
      schema: { tags: ['auth'], summary: 'Who this request is and what it may do; 401 when signed out', response: { 200: Me, 401: ErrorRef } },
    },
    async (request, reply) => {
      if (request.viewer.kind === 'anonymous') return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'not signed in' })
      return meOf(request.viewer)
    },
  )
}
