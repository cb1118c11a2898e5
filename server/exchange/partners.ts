// Registering a partner instance: its public key, state, agency (a local agency stands for it, so
// an API token of one of its users authenticates its pulls) and the levels it may receive.
import type { Db } from '../db/types.ts'
import { agencyByName, insertAgency } from '../repos/auth.ts'
import { deletePartner, getPartner, insertPartner, revokePullTokens, updatePartner, type Partner } from '../repos/exchange.ts'
import { isPublicKeyText } from './keys.ts'
import { EXCHANGE_LEVELS } from './rules.ts'
import { MEMBER_STATES } from '../../shared/access.ts'

/** A partner that cannot be registered or changed; field names the input, 409 when it exists, 404 when there is none. */
export class PartnerInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly statusCode: 400 | 404 | 409 = 400,
  ) {
    super(message)
  }
}

export interface PartnerInput {
  name: string
  instanceId: string
  state: string
  agency: string
  publicKey: string
  levels: string[]
  url: string | null
  pullToken: string | null
}

const checkKey = (key: string) => {
  if (!isPublicKeyText(key)) throw new PartnerInputError('public_key', 'public_key must be an Ed25519 public key as the partner\'s "npm run exchange -- identity" prints it')
}
const checkLevels = (levels: string[]) => {
  if (levels.length === 0 || levels.some((l) => !(EXCHANGE_LEVELS as readonly string[]).includes(l))) throw new PartnerInputError('levels', `levels must be some of ${EXCHANGE_LEVELS.join(', ')} (national records never leave an instance)`)
}
const checkPull = (url: string | null, token: string | null) => {
  if ((url === null) !== (token === null)) throw new PartnerInputError(url === null ? 'url' : 'token', 'online pulls need both the partner URL and the API token it issued')
  if (url !== null && !/^https?:\/\/\S+$/.test(url)) throw new PartnerInputError('url', `url must be the partner service's http(s) address, got "${url}"`)
}

/** The local user whose API token a partner pulls our changes with (partner add --issue-token). */
export const pullUserName = (partner: string) => `exchange.${partner}`.slice(0, 64)

/** Registers a partner (creating the local agency standing for it); returns it. */
export async function registerPartner(db: Db, p: PartnerInput): Promise<Partner> {
  if (!/^[a-z0-9][a-z0-9_-]{0,62}$/.test(p.name)) throw new PartnerInputError('name', `name must be lower-case letters, digits, "_" or "-", got "${p.name}"`)
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(p.instanceId)) throw new PartnerInputError('instance_id', `instance_id must be the partner's instance UUID, got "${p.instanceId}"`)
  if (!(MEMBER_STATES as readonly string[]).includes(p.state)) throw new PartnerInputError('state', `state must be a member state (${MEMBER_STATES.join(', ')}), got "${p.state}"`)
  checkKey(p.publicKey)
  checkLevels(p.levels)
  checkPull(p.url, p.pullToken)
  if (await getPartner(db, { name: p.name, instanceId: p.instanceId })) throw new PartnerInputError('name', `a partner named "${p.name}" or with instance ${p.instanceId} is already registered`, 409)
  return db.transaction(async (tx) => {
    const found = await agencyByName(tx, p.agency)
    if (found && found.state !== p.state) throw new PartnerInputError('agency', `agency "${p.agency}" exists here for ${found.state ?? 'no state'}, not ${p.state}`)
    const agency = found ?? (await insertAgency(tx, p.agency, p.state))
    await insertPartner(tx, { name: p.name, instanceId: p.instanceId, state: p.state, agencyId: agency.id, publicKey: p.publicKey, levels: p.levels, url: p.url, pullToken: p.pullToken })
    return (await getPartner(tx, { name: p.name }))!
  })
}

/** What may change on a registered partner: its key (rotation), levels, and online pull URL and token (both null: bundles only). */
export interface PartnerChange {
  publicKey?: string
  levels?: string[]
  pull?: { url: string | null; token: string | null }
}

/** Changes a registered partner; returns it as now stored. Its instance, state and agency stay: register a new partner for another. */
export async function changePartner(db: Db, name: string, c: PartnerChange): Promise<Partner> {
  if (c.publicKey === undefined && c.levels === undefined && c.pull === undefined) throw new PartnerInputError('body', 'give at least one of public_key, levels, url and token')
  if (c.publicKey !== undefined) checkKey(c.publicKey)
  if (c.levels !== undefined) checkLevels(c.levels)
  if (c.pull !== undefined) checkPull(c.pull.url, c.pull.token)
  if (!(await updatePartner(db, name, { publicKey: c.publicKey ?? null, levels: c.levels ?? null, pull: c.pull }))) throw new PartnerInputError('name', `no partner named "${name}"`, 404)
  return (await getPartner(db, { name }))!
}

/**
 * Removes a partner: its bundles are no longer accepted nor written, and the pull tokens issued
 * for it are revoked. The records it sent stay, with their origin and sharing. Returns how many
 * tokens were revoked.
 */
export async function removePartner(db: Db, name: string): Promise<{ tokensRevoked: number }> {
  return db.transaction(async (tx) => {
    const gone = await deletePartner(tx, name)
    if (!gone) throw new PartnerInputError('name', `no partner named "${name}"`, 404)
    return { tokensRevoked: await revokePullTokens(tx, gone.agencyId, pullUserName(name)) }
  })
}
