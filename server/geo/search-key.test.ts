import { describe, expect, it } from 'vitest'
import { placeSearchKey, searchKey } from './search-key.ts'

describe('searchKey', () => {
  it('strips accents and case', () => {
    expect(searchKey('Séguédine')).toBe('seguedine')
  })

  it('folds punctuation to single spaces and drops apostrophes', () => {
    expect(searchKey("Faya-Largeau")).toBe('faya largeau')
    expect(searchKey("N'Djamena")).toBe('ndjamena')
  })

  it('matches GeoNames transliterations without their diacritics', () => {
    expect(searchKey('Marsá Maţrūḩ')).toBe('marsa matruh')
  })

  it('keeps Arabic letters', () => {
    expect(searchKey('سبها')).toBe('سبها')
  })
})

describe('placeSearchKey', () => {
  it('joins unique names between bars so a query can match the start of any name', () => {
    expect(placeSearchKey(['Al Jawf', 'Kufra', 'al-Jawf'])).toBe('|al jawf|kufra|')
  })
})
