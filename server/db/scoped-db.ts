// Row-level security for every request query (AUTH=on): a Db whose queries each run in a
// transaction as the role sahel_request, with the current request's viewer in the settings the
// policies of migrations/007_access.sql read. Repos and handlers get this Db and nothing else, so
// no endpoint, tile, export or static map can read a row its viewer may not. Outside a request
// (or if the request context were ever lost) the scope is public: failing closed, never open.
import type { DbScope } from '../../shared/access.ts'
import { currentScope } from '../auth/request-scope.ts'
import { sqlFile } from './sql-files.ts'
import type { Db, Tx } from './types.ts'

const PUBLIC: DbScope = { scope: 'public' }

async function enterScope(tx: Tx, scope: DbScope): Promise<void> {
  const params = scope.scope === 'member' ? ['member', String(scope.agencyId), scope.state ?? ''] : ['public', '', '']
  await tx.query(sqlFile('access/enter-scope'), params)
}

/** Wraps db so each query and transaction runs under the current request's scope. */
export function scopedDb(db: Db, scopeOf: () => DbScope | undefined = currentScope): Db {
  return {
    driver: db.driver,
    query: (sql, params) =>
      db.transaction(async (tx) => {
        await enterScope(tx, scopeOf() ?? PUBLIC)
        return tx.query(sql, params)
      }),
    transaction: (fn) =>
      db.transaction(async (tx) => {
        await enterScope(tx, scopeOf() ?? PUBLIC)
        return fn({ ...tx, rowSecurity: true })
      }),
    close: () => db.close(),
    stats: db.stats && (() => db.stats!()),
  }
}
