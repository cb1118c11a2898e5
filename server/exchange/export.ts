// Writing a bundle for a partner: every record it may receive (exchange/rules.ts, implemented by
// sql/exchange/export-*.sql) changed after a cursor or since a date, with the credit lines of
// their datasets and the tombstones of deletions, signed with this instance's key.
import { randomUUID } from 'node:crypto'
import type { Db } from '../db/types.ts'
import { currentCursor, exportPage, exportSources, nextSequence, recordBundle, type ExportKind, type ExportScope, type Partner } from '../repos/exchange.ts'
import { encodeBundle } from './bundle.ts'
import { signingIdentity } from './identity.ts'
import { BUNDLE_FORMAT, NEVER_EXPORTED_FORMATS, NO_REDISTRIBUTION_DATASETS } from './rules.ts'

/** Rows fetched per query while writing a bundle. */
const PAGE_ROWS = 20_000
/** Days a bundle stays mergeable by default. */
export const BUNDLE_DAYS = 30
const KINDS: ExportKind[] = ['imports', 'incidents', 'routes', 'plans', 'tombstones']

export interface ExportOptions {
  keyFile: string | null
  /** records changed since this time (null: all) */
  since?: Date | null
  /** changes after this change number (the changes feed's cursor; 0: all) */
  afterCursor?: number
  /** the time the bundle is made, and how long it is valid */
  now?: Date
  days?: number
}

/** A signed bundle of what `partner` may receive, and its header's counts; records it as sent. */
export async function exportBundle(db: Db, partner: Partner, options: ExportOptions): Promise<{ bytes: Buffer; bundleId: string; sequence: number; cursor: number; counts: Record<string, number> }> {
  const { identity, key } = await signingIdentity(db, options.keyFile)
  const now = options.now ?? new Date()
  const afterCursor = options.afterCursor ?? 0
  const scope: ExportScope = {
    partnerState: partner.state_iso3,
    levels: partner.levels,
    partnerInstance: partner.instance_id,
    selfInstance: identity.instance_id,
    selfState: identity.state_iso3,
    selfAgency: identity.agency_name,
    afterCursor,
    uptoCursor: await currentCursor(db),
    since: options.since ?? null,
  }
  const excluded = { formats: NEVER_EXPORTED_FORMATS, datasets: NO_REDISTRIBUTION_DATASETS }
  const lines: string[][] = []
  const counts: Record<string, number> = {}
  const datasets = new Set<string>()
  for (const kind of KINDS) {
    const kindLines: string[] = []
    for (let after = afterCursor; ; ) {
      const page = await exportPage(db, kind, scope, after, PAGE_ROWS, excluded)
      for (const row of page) {
        kindLines.push(row.line)
        if (row.dataset) datasets.add(row.dataset)
      }
      if (page.length < PAGE_ROWS) break
      after = page[page.length - 1].change_seq
    }
    counts[kind] = kindLines.length
    lines.push(kindLines)
  }
  const sources = await exportSources(db, [...datasets])
  counts.sources = sources.length
  const bundleId = randomUUID()
  const created = now.toISOString()
  const { bytes, sequence } = await db.transaction(async (tx) => {
    const sequence = await nextSequence(tx, partner.id)
    const bytes = encodeBundle(
      {
        format: BUNDLE_FORMAT,
        bundle_id: bundleId,
        from: { instance_id: identity.instance_id, state: identity.state_iso3, agency: identity.agency_name },
        to: { instance_id: partner.instance_id, state: partner.state_iso3, partner: partner.name },
        created,
        expires: new Date(now.getTime() + (options.days ?? BUNDLE_DAYS) * 86_400_000).toISOString(),
        sequence,
        cursor: scope.uptoCursor,
        since: scope.since?.toISOString() ?? null,
        after_cursor: afterCursor,
        counts,
      },
      // credit lines first, then imports before the incidents that point at them
      [...sources, ...lines.flat()],
      key,
    )
    await recordBundle(tx, { bundleId, partnerId: partner.id, direction: 'out', sequence, created, counts })
    return { bytes, sequence }
  })
  return { bytes, bundleId, sequence, cursor: scope.uptoCursor, counts }
}
