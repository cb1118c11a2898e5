// Sends a vector tile with caching that never goes stale: the ETag and the cache key carry the
// versions of the data layers the tile is drawn from, so a revalidating client gets 304 until
// the data changes and a new tile after. Empty tiles are 204.
import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { dbScopeOf, scopeKey } from '../../shared/access.ts'
import { dataVersions } from '../repos/versions.ts'

export const MVT_TYPE = 'application/vnd.mapbox-vector-tile'

/** Answers with the tile of `key` (layer, z/x/y and any filters), computing it only on a miss. */
export async function sendTile(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  dependsOn: readonly string[],
  key: string,
  compute: () => Promise<Uint8Array>,
) {
  const versions = await app.tileCache.versions(() => dataVersions(app.db), performance.now())
  // tiles differ by who reads them (row-level security): the reader's scope is part of the key
  const versioned = `${scopeKey(dbScopeOf(request.viewer))}:${key}@${dependsOn.map((layer) => `${layer}:${versions.get(layer) ?? 0}`).join(',')}`
  const etag = `"${createHash('sha1').update(versioned).digest('base64url').slice(0, 22)}"`
  // no-cache: clients keep the tile but ask again each time, so an edit shows at once (as a 200)
  // with sign-in, a tile is one agency's view: shared caches must not keep it
  reply.header('ETag', etag).header('Cache-Control', app.authMode ? 'private, no-cache' : 'public, no-cache').header('Vary', app.authMode ? 'Accept-Encoding, Authorization, Cookie' : 'Accept-Encoding')
  const ifNoneMatch = request.headers['if-none-match']
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.code(304).send()

  let tile = app.tileCache.get(versioned)
  if (!tile) {
    tile = await compute()
    app.tileCache.set(versioned, tile)
  }
  if (tile.byteLength === 0) return reply.code(204).send()
  return reply.type(MVT_TYPE).send(Buffer.from(tile.buffer, tile.byteOffset, tile.byteLength))
}
