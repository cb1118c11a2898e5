import { describe, expect, it } from 'vitest'
import { flowShares, flowYear } from './route-flows.ts'

describe('flow widths', () => {
  it('takes the year of the end of the time range, none when it is open', () => {
    expect(flowYear({ from: '2016-01-01', to: '2016-12-31' })).toBe(2016)
    expect(flowYear({ from: '2016-01-01', to: null })).toBeNull()
  })

  it('gives each route its share of the largest figure of the year', () => {
    const shares = flowShares({ 'cmr-zuwara-lampedusa': 66766, 'atl-nouadhibou-el-hierro': 46843 })
    expect(shares.get('cmr-zuwara-lampedusa')).toBe(1)
    expect(shares.get('atl-nouadhibou-el-hierro')).toBeCloseTo(46843 / 66766, 6)
    expect(flowShares({}).size).toBe(0)
  })
})
