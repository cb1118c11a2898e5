// Registering a partner instance: its public key, state, agency (a local agency stands for it, so
// an API token of one of its users authenticates its pulls) and the levels it may receive.
import type { Db } from '../db/types.ts'
import { agencyByName, insertAgency } from '../repos/auth.ts'
import { getPartner, insertPartner, type Partner } from '../repos/exchange.ts'
import { isPublicKeyText } from './keys.ts'
import { EXCHANGE_LEVELS } from './rules.ts'
import { MEMBER_STATES } from '../../shared/access.ts'

/** A partner that cannot be registered; field names the input, 409 when it exists. */
export class PartnerInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly statusCode: 400 | 409 = 400,
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

/** Registers a partner (creating the local agency standing for it); returns it. */
export async function registerPartner(db: Db, p: PartnerInput): Promise<Partner> {
  if (!/^[a-z0-9][a-z0-9_-]{0,62}$/.test(p.name)) throw new PartnerInputError('name', `name must be lower-case letters, digits, "_" or "-", got "${p.name}"`)
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(p.instanceId)) throw new PartnerInputError('instance_id', `instance_id must be the partner's instance UUID, got "${p.instanceId}"`)
  if (!(MEMBER_STATES as readonly string[]).includes(p.state)) throw new PartnerInputError('state', `state must be a member state (${MEMBER_STATES.join(', ')}), got "${p.state}"`)
  if (!isPublicKeyText(p.publicKey)) throw new PartnerInputError('public_key', 'public_key must be an Ed25519 public key as the partner\'s "npm run exchange -- identity" prints it')
  if (p.levels.length === 0 || p.levels.some((l) => !(EXCHANGE_LEVELS as readonly string[]).includes(l))) throw new PartnerInputError('levels', `levels must be some of ${EXCHANGE_LEVELS.join(', ')} (national records never leave an instance)`)
  if ((p.url === null) !== (p.pullToken === null)) throw new PartnerInputError(p.url === null ? 'url' : 'token', 'online pulls need both the partner URL and the API token it issued')
  if (await getPartner(db, { name: p.name, instanceId: p.instanceId })) throw new PartnerInputError('name', `a partner named "${p.name}" or with instance ${p.instanceId} is already registered`, 409)
  return db.transaction(async (tx) => {
    const found = await agencyByName(tx, p.agency)
    if (found && found.state !== p.state) throw new PartnerInputError('agency', `agency "${p.agency}" exists here for ${found.state ?? 'no state'}, not ${p.state}`)
    const agency = found ?? (await insertAgency(tx, p.agency, p.state))
    await insertPartner(tx, { name: p.name, instanceId: p.instanceId, state: p.state, agencyId: agency.id, publicKey: p.publicKey, levels: p.levels, url: p.url, pullToken: p.pullToken })
    return (await getPartner(tx, { name: p.name }))!
  })
}
