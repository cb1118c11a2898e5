// The workspace's reference data (../shared/data, see its README): tests may read it in place.
// Absent (a clone outside the workspace), a test using it skips with a message; under CI=true
// its absence is an error, so CI never skips it.
import { existsSync } from 'node:fs'

// ../shared/data from the main checkout, ../../shared/data from a worktree under wt/
const ROOT = ['../shared/data', '../../shared/data'].find((d) => existsSync(d)) ?? '../shared/data'

/** Paths of the given files under ../shared/data, and whether all exist (throws under CI=true when not). */
export function sharedData<T extends string>(what: string, ...files: T[]): { present: boolean; path: (file: T) => string } {
  const path = (file: T) => `${ROOT}/${file}`
  const missing = files.map(path).filter((p) => !existsSync(p))
  if (missing.length > 0 && process.env.CI === 'true') throw new Error(`CI=true but ${missing.join(', ')} is missing: ${what} cannot be skipped in CI`)
  if (missing.length > 0) console.warn(`skipped: ${missing.join(', ')} not found — ${what} needs ../shared/data`)
  return { present: missing.length === 0, path }
}
