import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../../shared/map-state.ts'
import { plannerStrings } from './strings.ts'

/** Every leaf as [path, text], functions called with sample arguments. */
function leaves(table: object, prefix = ''): [string, string][] {
  return Object.entries(table).flatMap(([key, value]): [string, string][] => {
    if (typeof value === 'function') return [[prefix + key, String(value(...['3', '80', '12'].slice(0, value.length)))]]
    if (typeof value === 'object' && value !== null) return leaves(value, `${prefix}${key}.`)
    return [[prefix + key, value as string]]
  })
}

describe('planner strings', () => {
  it.each(['fr', 'ar'] as const)('%s has every key of the English table', (lang) => {
    expect(leaves(plannerStrings(lang)).map(([p]) => p)).toEqual(leaves(plannerStrings('en')).map(([p]) => p))
  })

  it.each(LANGUAGES)('%s has no empty string', (lang) => {
    expect(leaves(plannerStrings(lang)).filter(([, v]) => v.trim() === '')).toEqual([])
  })

  it('writes Arabic in Arabic script', () => {
    expect(leaves(plannerStrings('ar')).filter(([path, v]) => !/[\u0600-\u06FF]/.test(v) && path !== 'colOrder')).toEqual([])
  })

  it('puts a non-breaking space before a French colon', () => {
    expect(plannerStrings('fr').runFailed('x')).toBe('Le plan n’a pas pu être calculé\u00a0: x')
    expect(leaves(plannerStrings('fr')).filter(([, v]) => / :/.test(v))).toEqual([])
  })
})
