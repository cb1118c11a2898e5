import { describe, expect, it } from 'vitest'
import { flowBars } from './flow-chart.ts'

describe('flowBars', () => {
  it('scales bars to the largest year, oldest year first, leaving 14 px for the labels', () => {
    const bars = flowBars([{ year: 2017, value: 118962 }, { year: 2016, value: 181459 }, { year: 2019, value: 14003 }], 300, 114)
    expect(bars.map((b) => b.year)).toEqual([2016, 2017, 2019])
    expect(bars[0]).toMatchObject({ h: 100, y: 0 })
    expect(bars[1].h).toBeCloseTo((118962 / 181459) * 100, 0)
    expect(bars[2].h).toBeCloseTo((14003 / 181459) * 100, 0)
    expect(bars[0].x + bars[0].w).toBeLessThanOrEqual(bars[1].x)
  })

  it('draws nothing without figures', () => {
    expect(flowBars([], 300, 100)).toEqual([])
  })
})
