import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bhAdjust, bhAdjustCounted, bhRejections } from './fdr.ts'

// Benjamini & Hochberg (1995) §4.1: 15 p-values from a multiple-endpoint trial.
const BH_1995 = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1.0]

describe('Benjamini–Hochberg', () => {
  it('rejects 4 of the 15 hypotheses of the 1995 paper at q = 0.05', () => {
    expect(bhRejections(BH_1995, 0.05)).toBe(4)
  })

  it('adjusts the 1995 p-values as R p.adjust(p, "BH") and scipy false_discovery_control do', () => {
    const expected = [0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.063857, 0.063857, 0.0645, 0.0765, 0.486, 0.581182, 0.714875, 0.753231, 0.813214, 1]
    Array.from(bhAdjust(BH_1995)).forEach((q, i) => expect(q).toBeCloseTo(expected[i], 6))
  })

  it('keeps the input order and makes the q-values monotone in p', () => {
    for (const q of bhAdjust([0.04, 0.01, 0.03, 0.02])) expect(q).toBeCloseTo(0.04, 12)
  })

  it('refuses a p-value outside 0..1', () => {
    expect(() => bhAdjust([0.5, 1.5])).toThrow('p-values must be between 0 and 1, got 1.5 at index 1')
  })
})

// bhAdjust as it was before the typed-array sort (commit 19d9f46): an index sort with a comparator.
function referenceBh(pValues: ArrayLike<number>): Float64Array {
  const m = pValues.length
  const q = new Float64Array(m)
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => pValues[a] - pValues[b])
  let running = 1
  for (let rank = m; rank >= 1; rank--) {
    running = Math.min(running, (m / rank) * pValues[order[rank - 1]])
    q[order[rank - 1]] = running
  }
  return q
}

describe('Benjamini–Hochberg against the index-sort computation', () => {
  it('gives the same q-values bit for bit, ties and zeros included', () => {
    const pValue = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 0.05, 0.5, 1e-300))
    fc.assert(
      fc.property(fc.array(pValue, { maxLength: 400 }), (ps) => {
        expect(Array.from(bhAdjust(ps))).toEqual(Array.from(referenceBh(ps)))
      }),
      { numRuns: 300 },
    )
  })
})

describe('Benjamini–Hochberg of counted p-values', () => {
  it('gives each value the q bhAdjust gives its copies, bit for bit (equal values given twice, counts up to 50)', () => {
    const pValue = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 0.05, 0.5, 1e-300))
    fc.assert(
      fc.property(fc.array(fc.tuple(pValue, fc.integer({ min: 1, max: 50 })), { maxLength: 200 }), (entries) => {
        const expanded = entries.flatMap(([p, count]) => new Array<number>(count).fill(p))
        const byCopy = bhAdjust(expanded)
        const q = bhAdjustCounted(
          entries.map(([p]) => p),
          entries.map(([, count]) => count),
        )
        let copy = 0
        entries.forEach(([, count], i) => {
          for (let c = 0; c < count; c++) expect(Object.is(q[i], byCopy[copy++])).toBe(true)
        })
      }),
      { numRuns: 300 },
    )
  })

  it('refuses counts that are not positive integers', () => {
    expect(() => bhAdjustCounted([0.5, 0.1], [1, 0])).toThrow('counts must be positive integers, got 0 at index 1')
    expect(() => bhAdjustCounted([0.5], [1, 2])).toThrow('counts must have one entry per p-value (1), got 2')
  })
})
