// Online pull: fetch a partner's changes feed (GET /api/exchange/changes?cursor=, with the API
// token it issued us) and merge the signed bundle it answers exactly like a file: same checks,
// same transaction. A schedule (EXCHANGE_PULL_MINUTES) pulls every partner with a URL.
import type { Viewer } from '../../shared/access.ts'
import type { Db } from '../db/types.ts'
import { getPartner, listPartners } from '../repos/exchange.ts'
import { mergeBundle, type MergeReport } from './merge.ts'
import { BundleError } from './rules.ts'

/** Largest changes bundle accepted from a partner, bytes. */
const MAX_PULL_BYTES = 1024 ** 3

/** Pulls what changed at a partner since our last merge from it, and merges it. */
export async function pullPartner(db: Db, name: string, viewer: Viewer, fetchImpl: typeof fetch = fetch): Promise<MergeReport> {
  const partner = await getPartner(db, { name })
  if (!partner) throw new BundleError(422, `no partner named "${name}"`, 'partner')
  if (!partner.url || !partner.pull_token) throw new BundleError(422, `partner "${name}" has no URL and API token for online pulls (bundles only)`, 'partner')
  const url = `${partner.url.replace(/\/$/, '')}/api/exchange/changes?cursor=${partner.pull_cursor}`
  const res = await fetchImpl(url, { headers: { authorization: `Bearer ${partner.pull_token}`, accept: 'application/octet-stream' } })
  if (!res.ok) {
    const body = await res.text().catch(() => '')
    throw new Error(`pull from "${name}" (${partner.url}): HTTP ${res.status} ${body.slice(0, 300)}`)
  }
  const bytes = Buffer.from(await res.arrayBuffer())
  if (bytes.length > MAX_PULL_BYTES) throw new Error(`pull from "${name}": answer larger than ${MAX_PULL_BYTES} bytes`)
  return mergeBundle(db, bytes, { viewer, action: 'exchange.pull' })
}

/** Pulls every partner that has a URL every `minutes`; returns a stop function. Failures are logged, not thrown. */
export function schedulePulls(db: Db, minutes: number, log: { info: (o: object, m: string) => void; warn: (o: object, m: string) => void }): () => void {
  let running = false
  const tick = async () => {
    if (running) return
    running = true
    try {
      for (const p of await listPartners(db)) {
        if (!p.url || !p.has_pull_token) continue
        try {
          const report = await pullPartner(db, p.name, { kind: 'local' })
          log.info({ partner: p.name, counts: report.counts, noop: report.noop }, 'exchange pull merged')
        } catch (err) {
          log.warn({ partner: p.name, err: (err as Error).message }, 'exchange pull failed')
        }
      }
    } finally {
      running = false
    }
  }
  const timer = setInterval(tick, minutes * 60_000)
  timer.unref()
  return () => clearInterval(timer)
}
