import { describe, expect, it } from 'vitest'
import { originText } from './provenance.ts'

describe('provenance', () => {
  it('names the partner a record came from, in each language, and nothing for a record made here', () => {
    const p = { origin_state: 'NER', origin_agency: 'Niger border police' }
    expect(originText(p, 'en')).toBe('from Niger border police (NER)')
    expect(originText(p, 'fr')).toBe('reçu de Niger border police (NER)')
    expect(originText(p, 'ar')).toBe('وارد من Niger border police (NER)')
    expect(originText({ origin_state: null, origin_agency: null }, 'en')).toBeNull()
    expect(originText({}, 'en')).toBeNull()
  })
})
