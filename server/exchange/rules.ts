// What one deployment may send another, and what a receiver checks before merging a bundle.
// Pure: no I/O, no clock (the caller passes the time). The export queries in
// server/sql/exchange/*.sql implement sendable() row by row; tests hold the two together.
import type { Sharing } from '../../shared/access.ts'

/** The levels a partner may be registered to receive; national records never leave an instance. */
export const EXCHANGE_LEVELS = ['bilateral', 'regional', 'public'] as const
export type ExchangeLevel = (typeof EXCHANGE_LEVELS)[number]

/** The wire format named in every bundle header. */
export const BUNDLE_FORMAT = 'sahel-exchange/1'

/**
 * Import formats and datasets whose licence forbids redistribution: never put in a bundle, to
 * any partner at any level. ACLED's terms allow use by the licensee, not passing the rows on.
 */
export const NO_REDISTRIBUTION_FORMATS = ['acled'] as const
export const NO_REDISTRIBUTION_DATASETS = ['acled'] as const
/** Every instance seeds its own demo data, and received records are re-sent as records, not as imports. */
export const NEVER_EXPORTED_FORMATS = [...NO_REDISTRIBUTION_FORMATS, 'synthetic', 'exchange'] as const

/** The sharing of a record as it travels. */
export interface RecordSharing {
  sharing: Sharing
  /** bilateral partner states */
  partners: readonly string[]
  /** the member state the record came from */
  originState: string | null
  /** the instance it was created on (null: this one) */
  originInstance: string | null
}

/** A registered partner as the rules see it. */
export interface PartnerScope {
  instanceId: string
  state: string
  levels: readonly string[]
}

/**
 * Whether a record may go to a partner: its level among those the partner may receive, a
 * bilateral record only to a state it names (or its own state), national never; and never back
 * to the instance it came from. A record received from a partner keeps its level and partners,
 * so re-sending it can never widen it: a Niger→Mali bilateral record never reaches Chad.
 */
export function sendable(record: RecordSharing, partner: PartnerScope): boolean {
  if (record.originInstance === partner.instanceId) return false
  if (record.sharing === 'national' || !partner.levels.includes(record.sharing)) return false
  if (record.sharing === 'bilateral') return record.partners.includes(partner.state) || record.originState === partner.state
  return true
}

/**
 * Whether this instance (of `state`) may hold a record a partner sent: what a sender may send it.
 * A record that fails says the sender broke the rules: the whole bundle is refused.
 */
export function receivable(record: Pick<RecordSharing, 'sharing' | 'partners' | 'originState'>, state: string | null): boolean {
  if (record.sharing === 'public' || record.sharing === 'regional') return true
  if (record.sharing === 'bilateral') return state !== null && (record.partners.includes(state) || record.originState === state)
  return false
}

/** The header every bundle carries, signed with the sender's key. */
export interface BundleHeader {
  format: string
  bundle_id: string
  from: { instance_id: string; state: string; agency: string }
  to: { instance_id: string; state: string; partner: string }
  /** ISO times */
  created: string
  expires: string
  /** the sender's count of bundles for this receiver: each is higher than the last */
  sequence: number
  /** the sender's change cursor the bundle brings the receiver up to */
  cursor: number
  /** what it holds: --since date (ISO) or the changes-feed cursor it starts after */
  since: string | null
  after_cursor: number | null
  counts: Record<string, number>
  /** SHA-256 of the gzipped payload, hex */
  payload_sha256: string
}

/** Why a bundle is refused; status is the HTTP answer (400 unreadable or tampered, 403 unknown sender, 409 replayed, 422 expired or foreign). */
export class BundleError extends Error {
  constructor(
    readonly statusCode: 400 | 403 | 409 | 422,
    message: string,
    readonly field = 'bundle',
  ) {
    super(message)
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** Checks that a parsed header has every field with the right type; throws BundleError(400). */
export function parseHeader(value: unknown): BundleHeader {
  const h = value as BundleHeader
  const bad = (what: string) => new BundleError(400, `bundle header: ${what}`)
  if (typeof h !== 'object' || h === null) throw bad('not a JSON object')
  if (h.format !== BUNDLE_FORMAT) throw bad(`format must be ${BUNDLE_FORMAT}, got ${JSON.stringify(h.format)}`)
  if (typeof h.bundle_id !== 'string' || !UUID.test(h.bundle_id)) throw bad('bundle_id must be a UUID')
  for (const side of ['from', 'to'] as const) {
    if (typeof h[side] !== 'object' || h[side] === null || typeof h[side].instance_id !== 'string' || !UUID.test(h[side].instance_id)) throw bad(`${side}.instance_id must be a UUID`)
  }
  for (const t of ['created', 'expires'] as const) if (typeof h[t] !== 'string' || Number.isNaN(Date.parse(h[t]))) throw bad(`${t} must be an ISO time`)
  if (!Number.isSafeInteger(h.sequence) || h.sequence < 1) throw bad('sequence must be a positive integer')
  if (!Number.isSafeInteger(h.cursor) || h.cursor < 0) throw bad('cursor must be a whole number')
  if (typeof h.payload_sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(h.payload_sha256)) throw bad('payload_sha256 must be 64 hex digits')
  return h
}

/**
 * The checks on a signed header against this instance at time `now`: addressed to it, not
 * expired, not older than what was merged from the sender. A bundle id already merged is not an
 * error (re-importing is a no-op): the caller checks that first.
 */
export function checkHeader(h: BundleHeader, self: { instanceId: string }, receivedSequence: number, now: Date): void {
  if (h.to.instance_id !== self.instanceId) {
    throw new BundleError(422, `bundle addressed to instance ${h.to.instance_id} (${h.to.state}, "${h.to.partner}"), not this one (${self.instanceId})`)
  }
  if (Date.parse(h.expires) <= now.getTime()) throw new BundleError(422, `bundle expired at ${h.expires}`)
  if (h.sequence <= receivedSequence) {
    throw new BundleError(409, `bundle ${h.bundle_id} is sequence ${h.sequence}, but sequence ${receivedSequence} from this partner was already merged: a replayed or older bundle`)
  }
}
