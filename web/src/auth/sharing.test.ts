import { describe, expect, it } from 'vitest'
import { DEFAULT_SHARING, describeSharing, partnerChoices, sharingFields, sharingProblem } from './sharing.ts'

describe('partnerChoices', () => {
  it('offers the ten member states to the secretariat', () => {
    expect(partnerChoices(null)).toEqual(['MAR', 'DZA', 'TUN', 'LBY', 'EGY', 'MRT', 'MLI', 'NER', 'TCD', 'SDN'])
  })

  it('leaves out the agency’s own state', () => {
    expect(partnerChoices('NER')).toHaveLength(9)
    expect(partnerChoices('NER')).not.toContain('NER')
  })
})

describe('sharingFields', () => {
  it('sends regional by default, without partners', () => {
    expect(sharingFields(DEFAULT_SHARING)).toEqual({ sharing: 'regional' })
  })

  it('sends the partners of a bilateral choice in member-state order', () => {
    expect(sharingFields({ sharing: 'bilateral', partners: ['TCD', 'LBY'] })).toEqual({ sharing: 'bilateral', partners: 'LBY,TCD' })
  })

  it('drops partners left ticked when the level is not bilateral', () => {
    expect(sharingFields({ sharing: 'national', partners: ['TCD'] })).toEqual({ sharing: 'national' })
  })
})

describe('sharingProblem', () => {
  it('names partners when a bilateral choice has none', () => {
    expect(sharingProblem({ sharing: 'bilateral', partners: [] })).toBe('partners')
    expect(sharingProblem({ sharing: 'bilateral', partners: ['MLI'] })).toBeNull()
    expect(sharingProblem({ sharing: 'public', partners: [] })).toBeNull()
  })
})

describe('describeSharing', () => {
  const names: Record<string, string> = { MLI: 'Mali', TCD: 'Chad' }
  const level = (l: string) => `[${l}]`

  it('names the partners of a bilateral record', () => {
    expect(describeSharing({ sharing: 'bilateral', partners: ['MLI', 'TCD'] }, level, (iso3) => names[iso3])).toBe('[bilateral] — Mali, Chad')
  })

  it('names only the level otherwise, and falls back to ISO3 for an unknown name', () => {
    expect(describeSharing({ sharing: 'regional', partners: [] }, level, () => undefined)).toBe('[regional]')
    expect(describeSharing({ sharing: 'bilateral', partners: ['SDN'] }, level, () => undefined)).toBe('[bilateral] — SDN')
  })
})
