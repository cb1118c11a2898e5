// The answer of a bundle merge (`POST /api/exchange/bundles`, `npm run exchange -- import`, a
// pull): what the service reports and the exchange dialog words, one type for both.

/** Records of one kind a bundle brought, and what the merge did with them. */
export interface MergeCounts {
  received: number
  inserted: number
  updated: number
  deleted: number
}

export interface MergeReport {
  bundle_id: string
  partner: string
  sequence: number
  /** true when this bundle was already merged: nothing changed */
  noop: boolean
  /** the import record listing what the bundle brought (null for a no-op) */
  import_id: number | null
  counts: Record<'imports' | 'incidents' | 'routes' | 'plans', MergeCounts>
}
