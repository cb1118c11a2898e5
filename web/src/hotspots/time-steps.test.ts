import { describe, expect, it } from 'vitest'
import { monthEnd, monthIndex, monthStart, playbackStart, playbackStep, timeOfWindow, trendBin, windowOf } from './time-steps.ts'

const m = monthIndex
const extent = { from: m('2019-01-01'), to: m('2023-12-01') }

describe('month indices', () => {
  it('round-trips a month through its first and last day', () => {
    expect(monthStart(m('2024-05-17'))).toBe('2024-05-01')
    expect(monthEnd(m('2024-02-03'))).toBe('2024-02-29')
    expect(monthEnd(m('2023-02-03'))).toBe('2023-02-28')
    expect(monthStart(m('2019-12-31') + 1)).toBe('2020-01-01')
  })

  it('refuses a date it cannot read', () => {
    expect(() => monthIndex('2024-13-01')).toThrow('monthIndex needs YYYY-MM-DD, got "2024-13-01"')
  })
})

describe('windowOf and timeOfWindow', () => {
  it('reads missing ends as the extent', () => {
    expect(windowOf({ from: null, to: null }, extent)).toEqual(extent)
    expect(windowOf({ from: '2020-03-15', to: null }, extent)).toEqual({ from: m('2020-03-01'), to: extent.to })
  })

  it('clamps dates outside the extent', () => {
    expect(windowOf({ from: '2010-01-01', to: '2030-01-01' }, extent)).toEqual(extent)
  })

  it('writes whole months, and null at the ends of the extent', () => {
    expect(timeOfWindow({ from: m('2020-02-01'), to: m('2020-02-01') }, extent)).toEqual({ from: '2020-02-01', to: '2020-02-29' })
    expect(timeOfWindow(extent, extent)).toEqual({ from: null, to: null })
  })
})

describe('playback', () => {
  it('starts with the first year when the whole range is chosen', () => {
    expect(playbackStart(extent, extent)).toEqual({ from: extent.from, to: extent.from + 11 })
  })

  it('keeps a narrower window, and restarts one that already reached the end', () => {
    const w = { from: m('2021-04-01'), to: m('2021-06-01') }
    expect(playbackStart(w, extent)).toEqual(w)
    expect(playbackStart({ from: m('2023-10-01'), to: extent.to }, extent)).toEqual({ from: extent.from, to: extent.from + 2 })
  })

  it('steps one month at a time and stops at the last month', () => {
    expect(playbackStep({ from: m('2021-12-01'), to: m('2022-02-01') }, extent)).toEqual({ from: m('2022-01-01'), to: m('2022-03-01') })
    expect(playbackStep({ from: m('2023-10-01'), to: extent.to }, extent)).toBeNull()
  })
})

describe('trendBin', () => {
  it('uses months under 30 months and quarters beyond', () => {
    expect(trendBin({ from: m('2022-01-01'), to: m('2023-12-01') })).toBe('month')
    expect(trendBin(extent)).toBe('quarter')
  })
})
