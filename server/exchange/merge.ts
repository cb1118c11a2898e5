// Merging a bundle from a partner: verify (signature against the registered key, payload hash,
// addressee, expiry, sequence), then write everything in ONE transaction: a crash or a refusal
// leaves nothing half-merged. Records keep their origin and sharing; a newer version replaces an
// older one (by origin instance and id), an older one is ignored; tombstones delete. The same
// bundle merged again is a no-op.
import type { MergeCounts, MergeReport } from '../../shared/exchange-report.ts'
import { MEMBER_STATES, type Viewer } from '../../shared/access.ts'
import type { Db, Queryable, Tx } from '../db/types.ts'
import { audit } from '../repos/audit.ts'
import { agencyByName, insertAgency } from '../repos/auth.ts'
import {
  applyTombstones,
  createIncidentStaging,
  deleteReceivedRoute,
  findBundle,
  getIdentity,
  getPartner,
  insertReceivedRoute,
  lockPartner,
  markReceived,
  mergeBatch,
  mergeSources,
  mergeStagedIncidents,
  originImports,
  recordBundle,
  recordRouteVersion,
  routeByOrigin,
  stageIncidents,
  updateReceivedRoute,
  type Partner,
} from '../repos/exchange.ts'
import { analyzeAfterLargeWrite, beginImport, finishImport } from '../repos/imports.ts'
import { bumpVersion } from '../repos/versions.ts'
import { openBundle, verifiedLines } from './bundle.ts'
import { incidentCopyLine, type IncidentLine } from './copy-lines.ts'
import { BundleError, checkHeader, receivable, type BundleHeader } from './rules.ts'

/** Import and plan lines per merge statement; incident lines per COPY into the staging table. */
const MERGE_BATCH = 5_000
const STAGE_BATCH = 20_000

export type { MergeCounts, MergeReport } from '../../shared/exchange-report.ts'

export interface MergeOptions {
  /** who merges (audited) and how: a file (CLI or upload) or an online pull */
  viewer: Viewer
  action: 'exchange.import' | 'exchange.pull'
  now?: Date
  /** called with the incidents written so far into the merge's transaction (staged, then merged) */
  onProgress?: (incidentsMerged: number) => void
}

type Line = { t: string; o: string; id: string; v: number; state: string; agency: string; sharing: string; partners: string[]; kind?: string; source_id?: string }

const emptyCounts = (): MergeCounts => ({ received: 0, inserted: 0, updated: 0, deleted: 0 })

/** Checks a bundle and merges it; throws BundleError (4xx) when it is refused. */
export async function mergeBundle(db: Db, bytes: Buffer, options: MergeOptions): Promise<MergeReport> {
  try {
    const report = await checkAndMerge(db, bytes, options)
    if (report.noop) await audit(db, options.viewer, options.action, `bundle:${report.bundle_id}`, { partner: report.partner, sequence: report.sequence, noop: true })
    return report
  } catch (err) {
    // refusals are audited too: who tried to merge what, and why it was refused
    if (err instanceof BundleError) await audit(db, options.viewer, `${options.action}.refused`, 'bundle', { status: err.statusCode, reason: err.message, bytes: bytes.length })
    throw err
  }
}

async function checkAndMerge(db: Db, bytes: Buffer, options: MergeOptions): Promise<MergeReport> {
  const now = options.now ?? new Date()
  const bundle = openBundle(bytes)
  const h = bundle.header
  const self = await getIdentity(db)
  if (!self) throw new Error('no exchange identity: start the service once first')
  const partner = await getPartner(db, { instanceId: h.from.instance_id })
  if (!partner) throw new BundleError(403, `bundle from instance ${h.from.instance_id} (${h.from.state}, "${h.from.agency}"), which is not a registered partner: register its public key first (npm run exchange -- partner add)`)
  const lines = verifiedLines(bundle, partner.public_key, partner.name)
  const noop = (): MergeReport => ({ bundle_id: h.bundle_id, partner: partner.name, sequence: h.sequence, noop: true, import_id: null, counts: { imports: emptyCounts(), incidents: emptyCounts(), routes: emptyCounts(), plans: emptyCounts() } })
  if (await findBundle(db, h.bundle_id)) return noop()
  checkHeader(h, { instanceId: self.instance_id }, partner.received_sequence, now)
  const parsed = parseLines(lines, self.instance_id, self.state_iso3)

  try {
    const report = await db.transaction(async (tx) => {
      const receivedSequence = await lockPartner(tx, partner.id)
      if (await findBundle(tx, h.bundle_id)) return noop()
      checkHeader(h, { instanceId: self.instance_id }, receivedSequence, now)
      const report = await writeRecords(tx, h, partner, parsed, self.state_iso3, now, options.onProgress)
      await recordBundle(tx, { bundleId: h.bundle_id, partnerId: partner.id, direction: 'in', sequence: h.sequence, created: h.created, counts: flatCounts(report.counts) })
      // the next pull starts at the bundle's cursor only when the bundle held everything before it
      // (a full export, or a feed answer from our current cursor); a --since bundle may not
      const complete = h.since === null && (h.after_cursor ?? 0) <= partner.pull_cursor
      await markReceived(tx, partner.id, h.sequence, complete ? h.cursor : partner.pull_cursor)
      await audit(tx, options.viewer, options.action, `bundle:${h.bundle_id}`, { partner: partner.name, sequence: h.sequence, import_id: report.import_id, ...flatCounts(report.counts) })
      return report
    })
    await analyzeAfterLargeWrite(db, report.counts.incidents.inserted + report.counts.incidents.updated)
    return report
  } catch (err) {
    // a record the database refuses (a bad date, a broken geometry, a record twice) refuses the whole bundle
    const code = (err as { code?: string }).code
    if (typeof code === 'string' && /^(21|22|23)/.test(code)) throw new BundleError(400, `a record of the bundle could not be stored (${(err as Error).message}); nothing was merged`)
    throw err
  }
}

interface ParsedLines {
  sources: string[]
  imports: string[]
  incidents: IncidentLine[]
  routes: Line[]
  routeText: string[]
  plans: string[]
  tombstones: { incidents: string[]; plans: string[]; routes: Line[] }
  /** origin instances of the incidents */
  incidentOrigins: Set<string>
  /** "agency|state" pairs the records name */
  agencies: Map<string, { agency: string; state: string }>
}

/** Groups the lines by kind, refusing the bundle for a record this instance may not hold. */
function parseLines(lines: string[], selfInstance: string, selfState: string | null): ParsedLines {
  const out: ParsedLines = { sources: [], imports: [], incidents: [], routes: [], routeText: [], plans: [], tombstones: { incidents: [], plans: [], routes: [] }, incidentOrigins: new Set(), agencies: new Map() }
  for (const [i, text] of lines.entries()) {
    let line: Line
    try {
      line = JSON.parse(text)
    } catch {
      throw new BundleError(400, `bundle line ${i + 1} is not JSON`)
    }
    if (line.t === 'source') {
      out.sources.push(text)
      continue
    }
    const what = `${line.t} ${line.id} of instance ${line.o}`
    if (typeof line.o !== 'string' || typeof line.id !== 'string' || !Number.isSafeInteger(line.v)) throw new BundleError(400, `bundle line ${i + 1}: a record needs an origin instance, id and version`)
    // our own records coming back: we hold the original
    if (line.o === selfInstance) continue
    if (!Array.isArray(line.partners) || !(MEMBER_STATES as readonly string[]).includes(line.state) || line.partners.some((p) => !(MEMBER_STATES as readonly string[]).includes(p))) throw new BundleError(400, `${what}: state must be a member state and partners a list`)
    if (!receivable({ sharing: line.sharing as never, partners: line.partners, originState: line.state }, selfState)) {
      throw new BundleError(400, `${what} is shared ${line.sharing}${line.partners.length ? ` with ${line.partners.join(', ')}` : ''}: not for this instance (${selfState ?? 'no state set'}); the sender broke the sharing rules, nothing was merged`)
    }
    if (line.t !== 'tombstone') {
      if (typeof line.agency !== 'string' || line.agency.length < 2 || line.agency.length > 120) throw new BundleError(400, `${what}: agency must be 2 to 120 characters`)
      out.agencies.set(`${line.agency}|${line.state}`, { agency: line.agency, state: line.state })
    }
    if (line.t === 'import') out.imports.push(text)
    else if (line.t === 'incident') {
      const r = line as unknown as IncidentLine
      // COPY takes the rest as text and the database checks it; these it could not
      if (!Number.isFinite(r.lng) || !Number.isFinite(r.lat) || !Array.isArray(r.h3) || r.h3.length !== 7) throw new BundleError(400, `${what}: lng and lat must be numbers and h3 a list of 7 cells`)
      out.incidents.push(r)
      out.incidentOrigins.add(line.o)
    } else if (line.t === 'plan') out.plans.push(text)
    else if (line.t === 'route') {
      out.routes.push(line)
      out.routeText.push(text)
    } else if (line.t === 'tombstone' && line.kind === 'incident') out.tombstones.incidents.push(text)
    else if (line.t === 'tombstone' && line.kind === 'plan') out.tombstones.plans.push(text)
    else if (line.t === 'tombstone' && line.kind === 'route') out.tombstones.routes.push(line)
    else throw new BundleError(400, `bundle line ${i + 1}: unknown record type ${JSON.stringify(line.t)}`)
  }
  return out
}

/** The local agency standing for an origin agency of a state, created on first sight. */
async function localAgency(tx: Queryable, name: string, state: string): Promise<number> {
  const found = await agencyByName(tx, name)
  if (found && found.state === state) return found.id
  // a local agency of another state has the name: keep them apart
  const qualified = found ? `${name.slice(0, 112)} (${state})` : name
  const again = found ? await agencyByName(tx, qualified) : null
  return (again ?? (await insertAgency(tx, qualified, state))).id
}

/** A local route id for a received route: its origin id and the origin instance, kebab-case. */
function localRouteId(line: Line): string {
  const base = line.id.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+/, '').slice(0, 80) || 'route'
  return `${base}-${line.o.slice(0, 8)}`
}

async function writeRecords(tx: Tx, h: BundleHeader, partner: Partner, p: ParsedLines, selfState: string | null, now: Date, onProgress?: (n: number) => void): Promise<MergeReport> {
  const counts = { imports: emptyCounts(), incidents: emptyCounts(), routes: emptyCounts(), plans: emptyCounts() }
  const agencyIds: Record<string, number> = {}
  for (const [key, a] of p.agencies) agencyIds[key] = await localAgency(tx, a.agency, a.state)
  const agencies = JSON.stringify(agencyIds)
  const importId = await beginImport(tx, {
    fileName: `bundle ${h.bundle_id} from ${partner.name}`,
    format: 'exchange',
    dataset: 'exchange',
    checksum: h.bundle_id,
    strict: false,
    startedAt: now,
    // what this merge brought: visible to this instance's state
    owner: { agencyId: 1, state: selfState, sharing: 'national', partners: [] },
  })
  if (p.sources.length) await mergeSources(tx, `[${p.sources.join(',')}]`)
  await mergeLines(tx, 'imports', p.imports, agencies, counts.imports)
  // incidents: COPY into a staging table, then one set-based merge (new and held origins alike)
  counts.incidents.received = p.incidents.length
  if (p.incidents.length > 0) {
    // the local copies of their origin imports (merged just above)
    const imports = await originImports(tx, [...p.incidentOrigins])
    await createIncidentStaging(tx)
    for (let i = 0; i < p.incidents.length; i += STAGE_BATCH) {
      const batch = p.incidents.slice(i, i + STAGE_BATCH)
      await stageIncidents(tx, batch.map((r) => incidentCopyLine(r, imports.get(`${r.o}|${r.imp}`) ?? importId, agencyIds[`${r.agency}|${r.state}`])).join(''))
      onProgress?.(i + batch.length)
    }
    const r = await mergeStagedIncidents(tx)
    counts.incidents.inserted = r.inserted
    counts.incidents.updated = r.updated
  }
  await mergeLines(tx, 'plans', p.plans, agencies, counts.plans)
  counts.routes.received = p.routes.length
  for (const [i, line] of p.routes.entries()) {
    const existing = await routeByOrigin(tx, line.o, line.id)
    if (existing === null) {
      const id = localRouteId(line)
      await insertReceivedRoute(tx, id, p.routeText[i], agencyIds[`${line.agency}|${line.state}`])
      await recordRouteVersion(tx, id, 'create')
      counts.routes.inserted++
    } else if (!existing.deleted && existing.origin_version < line.v && (await updateReceivedRoute(tx, existing.id, p.routeText[i]))) {
      await recordRouteVersion(tx, existing.id, 'update')
      counts.routes.updated++
    }
  }
  if (p.tombstones.incidents.length) counts.incidents.deleted = await applyTombstones(tx, 'incidents', `[${p.tombstones.incidents.join(',')}]`)
  if (p.tombstones.plans.length) counts.plans.deleted = await applyTombstones(tx, 'plans', `[${p.tombstones.plans.join(',')}]`)
  for (const t of p.tombstones.routes) {
    const id = await deleteReceivedRoute(tx, t.o, t.id, t.v)
    if (id !== null) {
      await recordRouteVersion(tx, id, 'delete')
      counts.routes.deleted++
    }
  }
  const inc = counts.incidents
  await finishImport(tx, importId, { rowsRead: inc.received, inserted: inc.inserted, updated: inc.updated, unchanged: inc.received - inc.inserted - inc.updated, rejected: 0 }, [])
  if (counts.routes.received > 0 || counts.routes.deleted > 0) await bumpVersion(tx, 'routes')
  return { bundle_id: h.bundle_id, partner: partner.name, sequence: h.sequence, noop: false, import_id: importId, counts }
}

/** Merges import or plan lines, MERGE_BATCH a statement, adding to counts. */
async function mergeLines(tx: Tx, kind: 'imports' | 'plans', lines: string[], agencies: string, counts: MergeCounts): Promise<void> {
  counts.received = lines.length
  for (let i = 0; i < lines.length; i += MERGE_BATCH) {
    const r = await mergeBatch(tx, kind, `[${lines.slice(i, i + MERGE_BATCH).join(',')}]`, agencies)
    counts.inserted += r.inserted
    counts.updated += r.updated
  }
}

function flatCounts(c: MergeReport['counts']): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [kind, k] of Object.entries(c)) for (const [n, v] of Object.entries(k)) out[`${kind}_${n}`] = v
  return out
}
