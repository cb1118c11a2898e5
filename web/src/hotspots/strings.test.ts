import { describe, expect, it } from 'vitest'
import { EMERGING_PATTERNS } from '../../../shared/emerging.ts'
import { categoryName, hotspotStrings } from './strings.ts'

describe('hotspot strings', () => {
  it('has the same keys in English, French and Arabic', () => {
    const keys = (locale: 'en' | 'fr' | 'ar') => Object.keys(hotspotStrings(locale)).sort()
    expect(keys('fr')).toEqual(keys('en'))
    expect(keys('ar')).toEqual(keys('en'))
  })

  it('names every emerging hot spot category in each language', () => {
    expect(categoryName(hotspotStrings('en'), 'intensifying_hot')).toBe('Intensifying hot spot')
    expect(categoryName(hotspotStrings('fr'), 'new_cold')).toBe('Nouveau point froid')
    expect(categoryName(hotspotStrings('ar'), 'persistent_hot')).toBe('بؤرة ساخنة مستمرة')
    expect(categoryName(hotspotStrings('en'), 'no_pattern')).toBe('No pattern detected')
    for (const locale of ['en', 'fr', 'ar'] as const) {
      for (const p of EMERGING_PATTERNS) expect(categoryName(hotspotStrings(locale), `${p}_hot`)).not.toBe(hotspotStrings(locale).noPattern)
    }
  })
})
