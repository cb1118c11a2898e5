import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../../shared/map-state.ts'
import { CONFIDENCE, FAMILIES, KINDS, THREATS } from '../../../shared/vocabulary.ts'
import { directionOf, en, stringsFor, type UiStrings } from './strings.ts'

/** Every leaf of a table as [path, value], functions called with sample arguments. */
function leaves(table: object, prefix = ''): [string, string][] {
  return Object.entries(table).flatMap(([key, value]): [string, string][] => {
    const path = prefix + key
    if (typeof value === 'function') return [[path, String(value(...['Agadez', 'Tripoli', '12'].slice(0, value.length).map((x, i) => (i === 0 && value.length === 1 ? 3 : x))))]]
    if (typeof value === 'object' && value !== null) return leaves(value, `${path}.`)
    return [[path, value as string]]
  })
}

const pathsOf = (table: UiStrings) => leaves(table).map(([path]) => path).sort()

describe('string tables', () => {
  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has every key of the English table', (lang) => {
    expect(pathsOf(stringsFor(lang))).toEqual(pathsOf(en))
  })

  it.each(LANGUAGES)('%s has no empty string', (lang) => {
    expect(leaves(stringsFor(lang)).filter(([, value]) => typeof value !== 'string' || value.trim() === '')).toEqual([])
  })

  it.each(LANGUAGES)('%s names every family, kind, threat and confidence level', (lang) => {
    const s = stringsFor(lang)
    expect(Object.keys(s.families)).toEqual([...FAMILIES])
    expect(Object.keys(s.kinds)).toEqual([...KINDS])
    expect(Object.keys(s.threats)).toEqual([...THREATS])
    expect(Object.keys(s.confidence)).toEqual([...CONFIDENCE])
  })

  it('translates the chrome rather than copying the English', () => {
    for (const lang of ['fr', 'ar'] as const) {
      const table = stringsFor(lang)
      expect(table.legendTitle).not.toBe(en.legendTitle)
      expect(table.copyEmbed).not.toBe(en.copyEmbed)
      expect(table.threats.narco_terrorism).not.toBe(en.threats.narco_terrorism)
    }
  })

  it('writes Arabic in Arabic script', () => {
    const arabic = /[\u0600-\u06FF]/
    const latinOnly = leaves(stringsFor('ar')).filter(([path, value]) => !arabic.test(value) && !/^(productName|attributionNaturalEarth|attributionGeoNames|languageNames\.(en|fr)|borderOption|crossingDirection|scaleKm|scaleM)$/.test(path))
    expect(latinOnly).toEqual([])
  })

  it('counts routes with the Arabic dual and plural', () => {
    const ar = stringsFor('ar')
    expect([1, 2, 5, 26].map(ar.routeCount)).toEqual(['مسار واحد', 'مساران', '5 مسارات', '26 مسارًا'])
  })

  it('puts a non-breaking space before a French colon', () => {
    expect(stringsFor('fr').routesFailed('x')).toBe('Les routes n’ont pas pu être chargées\u00a0: x')
  })

  it('lays Arabic out right to left and the others left to right', () => {
    expect(LANGUAGES.map(directionOf)).toEqual(['ltr', 'ltr', 'rtl'])
  })
})
