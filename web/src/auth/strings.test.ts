import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../../shared/map-state.ts'
import { ROLES, SHARING_LEVELS } from '../../../shared/access.ts'
import { authStrings } from './strings.ts'

/** Every leaf as [path, text], functions called with a sample argument. */
function leaves(table: object, prefix = ''): [string, string][] {
  return Object.entries(table).flatMap(([key, value]): [string, string][] => {
    if (typeof value === 'function') return [[prefix + key, String(value(key === 'embedDaysOption' ? 30 : 'x'))]]
    if (typeof value === 'object' && value !== null) return leaves(value, `${prefix}${key}.`)
    return [[prefix + key, value as string]]
  })
}

describe('auth strings', () => {
  it.each(['fr', 'ar'] as const)('%s has every key of the English table', (lang) => {
    expect(leaves(authStrings(lang)).map(([p]) => p)).toEqual(leaves(authStrings('en')).map(([p]) => p))
  })

  it.each(LANGUAGES)('%s has no empty string', (lang) => {
    expect(leaves(authStrings(lang)).filter(([, v]) => v.trim() === '')).toEqual([])
  })

  it.each(LANGUAGES)('%s names every role and sharing level', (lang) => {
    expect(Object.keys(authStrings(lang).roles)).toEqual([...ROLES])
    expect(Object.keys(authStrings(lang).sharing)).toEqual([...SHARING_LEVELS])
  })

  it('writes Arabic in Arabic script', () => {
    expect(leaves(authStrings('ar')).filter(([, v]) => !/[\u0600-\u06FF]/.test(v))).toEqual([])
  })

  it('counts days with the Arabic dual and plural', () => {
    expect([1, 2, 7, 30, 90, 365].map(authStrings('ar').embedDaysOption)).toEqual(['يوم واحد', 'يومان', '7 أيام', '30 يومًا', '90 يومًا', '365 يومًا'])
  })

  it('puts a non-breaking space before a French colon', () => {
    expect(leaves(authStrings('fr')).filter(([, v]) => / :/.test(v))).toEqual([])
    expect(authStrings('fr').signInFailed('x')).toBe('La connexion a échoué\u00a0: x')
  })
})
