// The sharing fields every writable record takes (incident imports, routes, plans) and shows.
import { Type } from 'typebox'
import { MEMBER_STATES, recordOwner, SHARING_LEVELS, SharingError, type RecordOwner, type Sharing, type Viewer } from '../../shared/access.ts'
import { BadRequestError } from '../http-errors.ts'

/** Request fields: the sharing level and, for bilateral, the partner states (comma-separated ISO3). */
export const SharingOptions = {
  sharing: Type.Enum([...SHARING_LEVELS], {
    default: 'regional',
    description: 'who may read it: national (your state), bilateral (and partners), regional (all member states), public (also public embeds)',
  }),
  partners: Type.Optional(Type.String({ maxLength: 200, description: `bilateral partner states, comma-separated: ${MEMBER_STATES.join(',')}` })),
}

/** Response fields of a record's ownership. */
export const Ownership = {
  owner_agency: Type.Integer({ description: 'the agency that owns it (1: the secretariat)' }),
  sharing: Type.Enum([...SHARING_LEVELS]),
  partners: Type.Array(Type.String()),
}

/** The owner of what a request writes, or a 400 naming the field. */
export function ownerOf(viewer: Viewer, sharing: Sharing = 'regional', partners: string | readonly string[] = [], fieldPrefix = ''): RecordOwner {
  try {
    return recordOwner(viewer, sharing, typeof partners === 'string' ? partners.split(',') : partners)
  } catch (err) {
    if (err instanceof SharingError) throw new BadRequestError(`${fieldPrefix}${err.field}`, err.message)
    throw err
  }
}
