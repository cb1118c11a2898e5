import { describe, expect, it } from 'vitest'
import { mannKendall } from './mann-kendall.ts'

describe('Mann-Kendall', () => {
  it('gives S = 45, Var(S) = 125, z = 44/√125 and p = 8.30e-5 for 1..10', () => {
    const mk = mannKendall([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(mk.s).toBe(45)
    expect(mk.varS).toBe(125)
    expect(mk.z).toBeCloseTo(3.935479, 5)
    expect(mk.p).toBeCloseTo(8.303e-5, 7)
    expect(mk.tau).toBe(1)
  })

  it('corrects the variance for ties: [1, 2, 2, 3] has S = 5, Var(S) = 138/18, tau-b = 0.91287', () => {
    const mk = mannKendall([1, 2, 2, 3])
    expect(mk.s).toBe(5)
    expect(mk.varS).toBeCloseTo(138 / 18, 10)
    expect(mk.z).toBeCloseTo(4 / Math.sqrt(138 / 18), 10)
    // scipy.stats.kendalltau([0, 1, 2, 3], [1, 2, 2, 3]).statistic
    expect(mk.tau).toBeCloseTo(0.9128709, 6)
  })

  it('matches a hand computation on the digits of pi (3 1 4 1 5 9 2 6 5 3 5)', () => {
    // S = 16; ties: three 5s, two 1s, two 3s → Var(S) = (11·10·27 − 3·2·11 − 2·(2·1·9)) / 18 = 159.33
    const mk = mannKendall([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])
    expect(mk.s).toBe(16)
    expect(mk.varS).toBeCloseTo(159.3333333, 6)
    expect(mk.z).toBeCloseTo(1.1883324, 6)
    expect(mk.p).toBeCloseTo(0.2347025, 6)
    expect(mk.tau).toBeCloseTo(0.305108, 5)
  })

  it('sees a falling series as a negative trend', () => {
    const mk = mannKendall([9, 7, 8, 5, 4, 2, 1])
    expect(mk.s).toBeLessThan(0)
    expect(mk.z).toBeLessThan(0)
  })

  it('refuses fewer than 3 values', () => {
    expect(() => mannKendall([1, 2])).toThrow('mannKendall needs at least 3 values, got 2')
  })
})
