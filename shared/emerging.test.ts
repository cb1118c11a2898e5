import { describe, expect, it } from 'vitest'
import { emergingCategory, type BinState } from './emerging.ts'

const up = { z: 3, p: 0.001 }
const down = { z: -3, p: 0.001 }
const flat = { z: 0.2, p: 0.8 }
const s = (text: string) => [...text].map((c) => (c === 'H' ? 1 : c === 'C' ? -1 : 0)) as BinState[]

describe('emerging hot spot categories', () => {
  it('calls a cell hot only in the final bin new', () => {
    expect(emergingCategory(s('..........H'), flat)).toBe('new_hot')
  })
  it('calls an uninterrupted final run of hot bins consecutive', () => {
    expect(emergingCategory(s('........HHH'), up)).toBe('consecutive_hot')
  })
  it('calls ≥ 90% hot bins including the last with a rising trend intensifying', () => {
    expect(emergingCategory(s('.HHHHHHHHHH'), up)).toBe('intensifying_hot')
  })
  it('calls ≥ 90% hot bins without a trend persistent', () => {
    expect(emergingCategory(s('HHHHHHHHHHH'), flat)).toBe('persistent_hot')
  })
  it('calls ≥ 90% hot bins including the last with a falling trend diminishing', () => {
    expect(emergingCategory(s('HHHHHHHHHHH'), down)).toBe('diminishing_hot')
  })
  it('calls on-and-off hot bins without cold ones sporadic', () => {
    expect(emergingCategory(s('H..H...H..H'), flat)).toBe('sporadic_hot')
  })
  it('calls a final hot bin after an earlier cold one oscillating', () => {
    expect(emergingCategory(s('CC...H...HH'), flat)).toBe('oscillating_hot')
  })
  it('calls ≥ 90% hot bins but not the last historical', () => {
    expect(emergingCategory(s('HHHHHHHHHHHHHHHHHHHH.'), flat)).toBe('historical_hot')
  })
  it('mirrors the rules for cold spots', () => {
    expect(emergingCategory(s('..........C'), flat)).toBe('new_cold')
    expect(emergingCategory(s('CCCCCCCCCCC'), down)).toBe('intensifying_cold')
  })
  it('calls a cell never significant no pattern', () => {
    expect(emergingCategory(s('...........'), flat)).toBe('no_pattern')
  })
})
