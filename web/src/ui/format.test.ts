import { describe, expect, it } from 'vitest'
import { THREATS } from '../../../shared/vocabulary.ts'
import { formatAreaKm2, formatCountries, formatDirection, formatKm, formatKmNumber, formatSourceCitation, formatThreats, isSafeLink } from './format.ts'
import { stringsFor } from './strings.ts'

const en = stringsFor('en')

describe('formatKm', () => {
  it('rounds to the kilometre and groups thousands', () => {
    expect(formatKm(1834.4, 'en')).toBe('1,834 km')
  })

  it('keeps one decimal under ten kilometres', () => {
    expect(formatKm(7.46, 'en')).toBe('7.5 km')
  })

  it('shows a dash for a missing length', () => {
    expect(formatKm(Number.NaN, 'en')).toBe('–')
  })
})

describe('formatKmNumber', () => {
  it('gives the number of formatKm without the unit', () => {
    expect(formatKmNumber(1002.1, 'en')).toBe('1,002')
    expect(formatKmNumber(4.64, 'en')).toBe('4.6')
  })
})

describe('formatAreaKm2', () => {
  it('rounds large areas to the hundred square kilometres', () => {
    expect(formatAreaKm2(114986, 'en')).toBe('115,000 km²')
  })

  it('keeps small areas to the square kilometre', () => {
    expect(formatAreaKm2(4321.4, 'en')).toBe('4,321 km²')
  })
})

describe('formatThreats', () => {
  it('names threats in words, in the order given', () => {
    expect(formatThreats(['migration_trafficking', 'identity_fraud'], en)).toEqual([
      'Migrant smuggling and human trafficking',
      'Identity and document fraud',
    ])
  })

  it('has a name for every threat of the vocabulary', () => {
    for (const threat of THREATS) expect(formatThreats([threat], en)[0]).not.toContain('_')
  })

  it('shows an unknown threat code without underscores', () => {
    expect(formatThreats(['charcoal_smuggling'], en)).toEqual(['charcoal smuggling'])
  })
})

describe('formatDirection', () => {
  it('tells one-way routes from two-way ones', () => {
    expect(formatDirection('forward', en)).toBe('One way (arrows show travel)')
    expect(formatDirection('both', en)).toBe('Both ways')
  })
})

describe('formatCountries', () => {
  it('names the countries it knows and lists them with a conjunction', () => {
    const names: Record<string, string> = { NER: 'Niger', LBY: 'Libya' }
    expect(formatCountries(['NER', 'LBY', 'XKX'], (iso3) => names[iso3], 'en')).toBe('Niger, Libya, and XKX')
  })
})

describe('formatSourceCitation', () => {
  it('cites publisher, year and title', () => {
    expect(formatSourceCitation({ publisher: 'UNODC', title: 'Transnational organized crime in the Sahel', year: 2023 }))
      .toBe('UNODC (2023). Transnational organized crime in the Sahel')
  })
})

describe('isSafeLink', () => {
  it('accepts http and https and refuses script URLs', () => {
    expect(isSafeLink('https://www.unodc.org/')).toBe(true)
    expect(isSafeLink('javascript:alert(1)')).toBe(false)
  })
})
