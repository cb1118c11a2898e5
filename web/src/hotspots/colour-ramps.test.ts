import { describe, expect, it } from 'vitest'
import { breakLabels, CLASS_COLOURS, classColourExpression, COUNT_RAMP, countBreaks, countColourExpression, rampColours } from './colour-ramps.ts'

describe('countBreaks', () => {
  it('takes the 1-2-5 series up to the largest count', () => {
    expect(countBreaks(37)).toEqual([1, 2, 5, 10, 20])
    expect(countBreaks(50)).toEqual([1, 2, 5, 10, 20, 50])
  })

  it('keeps a single class for counts of one or none', () => {
    expect(countBreaks(1)).toEqual([1])
    expect(countBreaks(0)).toEqual([1])
  })

  it('thins a long series to at most six classes, starting at 1', () => {
    expect(countBreaks(12_000)).toEqual([1, 10, 100, 1000, 10_000])
    expect(countBreaks(600)).toEqual([1, 5, 20, 100, 500])
  })
})

describe('rampColours', () => {
  it('spreads the classes from the lightest to the darkest colour', () => {
    expect(rampColours(6)).toEqual([...COUNT_RAMP])
    const three = rampColours(3)
    expect(three[0]).toBe(COUNT_RAMP[0])
    expect(three[2]).toBe(COUNT_RAMP[5])
  })
})

describe('breakLabels', () => {
  it('labels integer ranges and leaves the top class open', () => {
    expect(breakLabels([1, 2, 5, 10, 20])).toEqual(['1', '2–4', '5–9', '10–19', '20+'])
  })

  it('formats numbers with the given formatter', () => {
    expect(breakLabels([1, 1000], (n) => new Intl.NumberFormat('en').format(n))).toEqual(['1–999', '1,000+'])
  })
})

describe('colour expressions', () => {
  it('steps the count colour at each break above the first', () => {
    expect(countColourExpression([1, 2, 5])).toEqual(['step', ['get', 'value'], COUNT_RAMP[0], 2, rampColours(3)[1], 5, COUNT_RAMP[5]])
  })

  it('matches every Gi* class to its diverging colour, hot red and cold blue', () => {
    const expression = classColourExpression() as unknown[]
    expect(expression.slice(0, 4)).toEqual(['match', ['get', 'class'], 'hot_99', '#b2182b'])
    expect(expression).toContain('cold_99')
    expect(CLASS_COLOURS.cold_99).toBe('#2166ac')
    expect(expression.at(-1)).toBe(CLASS_COLOURS.not_significant)
  })
})
