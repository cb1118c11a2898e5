import { describe, expect, it } from 'vitest'
import { routeInPeriod } from './route-period.ts'

const arms2011to2016 = { valid_from: '2011-01-01', valid_to: '2016-12-31' }
const sudanSince2023 = { valid_from: '2023-01-01', valid_to: null }

describe('routeInPeriod', () => {
  it('keeps a route whose period overlaps the range and drops one that ended before it', () => {
    expect(routeInPeriod(arms2011to2016, { from: '2016-06-01', to: '2018-01-01' })).toBe(true)
    expect(routeInPeriod(arms2011to2016, { from: '2017-01-01', to: null })).toBe(false)
  })

  it('drops a route that starts after the range and keeps an open-ended one that started before', () => {
    expect(routeInPeriod(sudanSince2023, { from: null, to: '2022-12-31' })).toBe(false)
    expect(routeInPeriod(sudanSince2023, { from: '2024-01-01', to: '2024-12-31' })).toBe(true)
  })

  it('treats the range ends as inclusive and open bounds as open', () => {
    expect(routeInPeriod(arms2011to2016, { from: '2016-12-31', to: null })).toBe(true)
    expect(routeInPeriod(sudanSince2023, { from: null, to: '2023-01-01' })).toBe(true)
    expect(routeInPeriod({ valid_from: '', valid_to: '' }, { from: '1990-01-01', to: '1990-01-02' })).toBe(true)
    expect(routeInPeriod(arms2011to2016, { from: null, to: null })).toBe(true)
  })
})
