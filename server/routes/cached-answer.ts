// JSON answers cached like tiles (tile-response.ts): the key carries the reader's scope and the
// versions of the data layers the answer is computed from, so an import or edit makes a new key
// and nothing stale is served. For hot read-only endpoints (hotspots), where many viewers ask
// the same question of the same data.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { dbScopeOf, scopeKey } from '../../shared/access.ts'
import { dataVersions } from '../repos/versions.ts'
import { JsonText } from './hotspot-answer.ts'

/** Sends the JSON answer of `key` (the request URL), computing it only when the data or the reader's scope changed. */
export async function sendCachedJson(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, dependsOn: readonly string[], compute: () => Promise<unknown>) {
  const versions = await app.tileCache.versions(() => dataVersions(app.db), performance.now())
  const key = `${scopeKey(dbScopeOf(request.viewer))}:json:${request.url}@${dependsOn.map((layer) => `${layer}:${versions.get(layer) ?? 0}`).join(',')}`
  let body = app.tileCache.get(key)
  if (!body) {
    // serialized with the route's response schema, as an uncached answer would be (or already
    // serialized by the route: JsonText)
    const answer = await compute()
    body = answer instanceof JsonText ? answer.bytes : Buffer.from(reply.serialize(answer) as string)
    app.tileCache.set(key, body)
  }
  return reply.type('application/json; charset=utf-8').send(Buffer.from(body.buffer, body.byteOffset, body.byteLength))
}
