// The database scope of the request being handled, carried through its async calls
// (AsyncLocalStorage), so the one database wrapper below every repo can apply it: no handler has
// to remember to, and none can forget.
import { AsyncLocalStorage } from 'node:async_hooks'
import type { DbScope } from '../../shared/access.ts'

const storage = new AsyncLocalStorage<DbScope>()

/** Runs fn with scope as the current request's database scope. */
export function runInScope<T>(scope: DbScope, fn: () => T): T {
  return storage.run(scope, fn)
}

/** The scope of the request this code runs for; undefined outside any request. */
export function currentScope(): DbScope | undefined {
  return storage.getStore()
}
