// Input no endpoint can use, refused in one hook after schema validation with a 400 naming the
// field: infinite or NaN numbers (Ajv coerces "1e309" or "Infinity" in a query string to
// Infinity and then lets it past `maximum`; JSON.parse reads 1e309 as Infinity too), and NUL
// characters, which PostgreSQL text cannot hold.
import type { FastifyRequest } from 'fastify'
import { BadRequestError } from './http-errors.ts'

/** The dotted path of the first value that no endpoint accepts, and why; or null. */
export function unusableValue(value: unknown, path: string): { field: string; reason: string } | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : { field: path, reason: 'must be a finite number' }
  if (typeof value === 'string') return value.includes('\u0000') ? { field: path, reason: 'must not contain NUL characters' } : null
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unusableValue(value[i], `${path}[${i}]`)
      if (found) return found
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = unusableValue(v, path ? `${path}.${k}` : k)
      if (found) return found
    }
  }
  return null
}

/** preHandler hook: a 400 for an unusable value in the query, params or body. */
export async function refuseUnusableInput(request: FastifyRequest): Promise<void> {
  const found = unusableValue(request.query, '') ?? unusableValue(request.params, '') ?? unusableValue(request.body, 'body')
  if (found) throw new BadRequestError(found.field, `${found.field} ${found.reason}`)
}
