import { describe, expect, it } from 'vitest'
import { chartStrings } from './strings.ts'

describe('chart strings', () => {
  it('has the same keys, buckets and splits in English, French and Arabic', () => {
    const shape = (locale: 'en' | 'fr' | 'ar') => {
      const t = chartStrings(locale)
      return [Object.keys(t).sort(), Object.keys(t.buckets).sort(), Object.keys(t.splits).sort()]
    }
    expect(shape('fr')).toEqual(shape('en'))
    expect(shape('ar')).toEqual(shape('en'))
  })

  it('says each title in its language', () => {
    expect(chartStrings('en').incidentsTitle('quarter')).toBe('Incidents per quarter')
    expect(chartStrings('fr').routeTitle(25)).toBe('Incidents à moins de 25 km, par mois')
    expect(chartStrings('ar').incidentsTitle('month')).toBe('الحوادث شهريًا')
  })
})
