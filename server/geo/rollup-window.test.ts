import { describe, expect, it } from 'vitest'
import { splitRollupWindow } from './rollup-window.ts'

describe('splitRollupWindow', () => {
  it('reads the all-time rows without a date filter', () => {
    expect(splitRollupWindow(undefined, undefined)).toEqual({ allTime: true, monthFrom: null, monthTo: null, noMonths: false, headDays: null, tailDays: null })
  })

  it('splits a window into whole months and partial edge days', () => {
    expect(splitRollupWindow('2024-01-15', '2024-04-10')).toEqual({
      allTime: false,
      monthFrom: '2024-02-01',
      monthTo: '2024-04-01',
      noMonths: false,
      headDays: ['2024-01-15', '2024-02-01'],
      tailDays: ['2024-04-01', '2024-04-10'],
    })
  })

  it('needs no edge days when the window starts on a first and ends on a last day, across a year end', () => {
    expect(splitRollupWindow('2023-12-01', '2024-02-29')).toMatchObject({ monthFrom: '2023-12-01', monthTo: '2024-03-01', headDays: null, tailDays: null })
    expect(splitRollupWindow('2023-11-20', '2023-12-31')).toMatchObject({ monthFrom: '2023-12-01', monthTo: '2024-01-01', headDays: ['2023-11-20', '2023-12-01'], tailDays: null })
  })

  it('keeps open ends open', () => {
    expect(splitRollupWindow('2024-03-02', undefined)).toMatchObject({ monthFrom: '2024-04-01', monthTo: null, headDays: ['2024-03-02', '2024-04-01'], tailDays: null })
    expect(splitRollupWindow(undefined, '2024-03-30')).toMatchObject({ monthFrom: null, monthTo: '2024-03-01', headDays: null, tailDays: ['2024-03-01', '2024-03-30'] })
  })

  it('reads every day from the rows when no whole month fits', () => {
    expect(splitRollupWindow('2024-03-02', '2024-03-30')).toEqual({ allTime: false, monthFrom: null, monthTo: null, noMonths: true, headDays: null, tailDays: ['2024-03-02', '2024-03-30'] })
    expect(splitRollupWindow('2024-03-20', '2024-04-10')).toMatchObject({ noMonths: true, tailDays: ['2024-03-20', '2024-04-10'] })
  })

  it('refuses from after to', () => {
    expect(() => splitRollupWindow('2024-05-01', '2024-04-01')).toThrow('from must not be after to, got 2024-05-01 .. 2024-04-01')
  })
})
