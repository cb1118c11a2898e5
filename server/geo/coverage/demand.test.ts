import { describe, expect, it } from 'vitest'
import { blendDemand } from './demand.ts'

const ROWS = [
  { h3: 'a', threat: 'drug_trafficking', value: 3 },
  { h3: 'a', threat: 'migration_trafficking', value: 1 },
  { h3: 'b', threat: 'drug_trafficking', value: 4 },
]

describe('blendDemand', () => {
  it('scales each source to sum to its weight: incidents 1, route-km 0.5', () => {
    const d = blendDemand(ROWS, new Map([['b', 10], ['c', 30]]), 1, 0.5)
    expect(d.cells).toEqual(['a', 'b', 'c'])
    expect(Array.from(d.weights)).toEqual([4 / 8, 4 / 8 + 0.5 * (10 / 40), 0.5 * (30 / 40)])
    expect(d.incidentTotal).toBe(8)
    expect(d.routeKmTotal).toBe(40)
  })

  it('keeps the raw value of each threat per cell', () => {
    const d = blendDemand(ROWS, new Map(), 1, 0)
    expect(Array.from(d.threatValue.get('drug_trafficking')!)).toEqual([3, 4])
    expect(Array.from(d.threatValue.get('migration_trafficking')!)).toEqual([1, 0])
  })

  it('gives a source without data no weight instead of dividing by zero', () => {
    const d = blendDemand([], new Map([['c', 5]]), 1, 2)
    expect(Array.from(d.weights)).toEqual([2])
  })

  it('rejects a negative weight with both weights in the message', () => {
    expect(() => blendDemand(ROWS, new Map(), -1, 1)).toThrow('demand weights must be non-negative, got -1 and 1')
  })
})
