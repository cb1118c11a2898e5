// The "Shared with" choice of what a user writes (an import, a saved plan): the sharing level and,
// for bilateral, the partner member states, as the service's `sharing` and `partners` fields
// (server/routes/sharing.ts). Pure.

import { MEMBER_STATES, type Sharing } from '../../../shared/access.ts'

export interface SharingChoice {
  sharing: Sharing
  /** ISO3 member states; used for bilateral only */
  partners: string[]
}

/** The service's default: every member state reads it. */
export const DEFAULT_SHARING: SharingChoice = { sharing: 'regional', partners: [] }

/** The member states a record can be shared with bilaterally: all but the writer's own (ISO3). */
export function partnerChoices(ownState: string | null): string[] {
  return MEMBER_STATES.filter((iso3) => iso3 !== ownState)
}

/** The field the service would refuse, or null: bilateral sharing needs at least one partner. */
export function sharingProblem(choice: SharingChoice): 'partners' | null {
  return choice.sharing === 'bilateral' && choice.partners.length === 0 ? 'partners' : null
}

/**
 * The request fields of a choice: `sharing`, plus `partners` (comma-separated, in member-state
 * order) for bilateral only, since the service refuses partners on any other level.
 */
export function sharingFields(choice: SharingChoice): { sharing: Sharing; partners?: string } {
  if (choice.sharing !== 'bilateral') return { sharing: choice.sharing }
  const partners = MEMBER_STATES.filter((iso3) => choice.partners.includes(iso3))
  return { sharing: 'bilateral', partners: partners.join(',') }
}

/** A stored choice in words: the level's name, then the partners' names for bilateral (`… — Mali, Chad`). */
export function describeSharing(choice: SharingChoice, levelName: (level: Sharing) => string, nameOf: (iso3: string) => string | undefined): string {
  const partners = choice.sharing === 'bilateral' ? choice.partners.map((iso3) => nameOf(iso3) ?? iso3) : []
  return partners.length > 0 ? `${levelName(choice.sharing)} — ${partners.join(', ')}` : levelName(choice.sharing)
}
