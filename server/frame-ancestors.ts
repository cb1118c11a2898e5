// Who may put our pages in a frame (clickjacking defence). Embeds (/embed, /embed/*) may be
// framed by this origin and the configured EMBED_ORIGINS; every other response only by this
// origin, as X-Frame-Options: SAMEORIGIN says to browsers that predate CSP frame-ancestors.
import type { FastifyReply, FastifyRequest } from 'fastify'

const isEmbed = (url: string) => /^\/embed(\/|\?|$)/.test(url)

/** An onSend hook setting CSP frame-ancestors (and X-Frame-Options outside embeds). */
export function frameAncestors(embedOrigins: readonly string[]) {
  const embedPolicy = ["frame-ancestors 'self'", ...embedOrigins].join(' ')
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const policy = isEmbed(request.url) ? embedPolicy : "frame-ancestors 'self'"
    const existing = reply.getHeader('content-security-policy')
    if (typeof existing === 'string' && existing !== '') {
      if (!/frame-ancestors/.test(existing)) reply.header('content-security-policy', `${existing.replace(/;\s*$/, '')}; ${policy}`)
    } else {
      reply.header('content-security-policy', policy)
    }
    if (!isEmbed(request.url)) reply.header('x-frame-options', 'SAMEORIGIN')
    return payload
  }
}
