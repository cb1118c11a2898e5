import { describe, expect, it } from 'vitest'
import { binSequence, binStart } from './time-bins.ts'

describe('time bins', () => {
  it('starts a date\'s month and quarter', () => {
    expect(binStart('2024-05-17', 'month')).toBe('2024-05-01')
    expect(binStart('2024-05-17', 'quarter')).toBe('2024-04-01')
    expect(binStart('2024-12-31', 'quarter')).toBe('2024-10-01')
  })

  it('lists every quarter across a year end, empty ones included', () => {
    expect(binSequence('2023-11-03', '2024-07-01', 'quarter')).toEqual(['2023-10-01', '2024-01-01', '2024-04-01', '2024-07-01'])
    expect(binSequence('2023-11-03', '2024-02-10', 'month')).toEqual(['2023-11-01', '2023-12-01', '2024-01-01', '2024-02-01'])
  })

  it('refuses from after to', () => {
    expect(() => binSequence('2024-03-01', '2023-01-01', 'month')).toThrow('from must not be after to, got 2024-03-01 .. 2023-01-01')
  })
})
