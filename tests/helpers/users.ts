// Users with API tokens, straight into the database (the service's own connection), for tests
// and benchmarks that need signed-in callers without going through the admin API.
import type { Role } from '../../shared/access.ts'
import { newToken, tokenHash } from '../../server/auth/secrets.ts'
import type { Db } from '../../server/db/types.ts'
import { insertToken, insertUser } from '../../server/repos/auth.ts'

/** Adds a user of an agency with a token valid for `hours`; returns its id and bearer headers. */
export async function userWithToken(db: Db, agencyId: number, username: string, role: Role, hours = 24): Promise<{ id: number; headers: { authorization: string } }> {
  const user = await insertUser(db, { agencyId, username, role, passwordHash: null, expiresAt: null })
  const secret = newToken('api')
  await insertToken(db, user.id, 'api', tokenHash(secret), 'test', new Date(Date.now() + hours * 3600_000))
  return { id: user.id, headers: { authorization: `Bearer ${secret}` } }
}
