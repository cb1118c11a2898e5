import { describe, expect, it } from 'vitest'
import { niceTicks, periodLabel, periodOf, periodStart } from './scale.ts'
import { chartLayout, linePath, seriesCsv, sparklineSvg, stackRects, timeSeriesSvg, valueMax, type ChartSeries, type TimeSeriesChartOptions } from './time-series.ts'

const periods = ['2024-01', '2024-02', '2024-03', '2024-04']
const a: ChartSeries = { key: 'drug_trafficking', label: 'Drugs', color: '#0072B2', values: [3, 7, NaN, 12] }
const b: ChartSeries = { key: 'arms_proliferation', label: 'Arms', color: '#E69F00', values: [1, 0, 4, 5] }
const base: TimeSeriesChartOptions = { periods, series: [a, b], widthPx: 400, heightPx: 240, kind: 'line', locale: 'en' }

describe('nice ticks', () => {
  it('steps by 1, 2 or 5 times a power of ten from 0 to past the maximum', () => {
    expect(niceTicks(0, 37)).toEqual([0, 10, 20, 30, 40])
    expect(niceTicks(0, 17, 4)).toEqual([0, 5, 10, 15, 20])
    expect(niceTicks(0, 1234)).toEqual([0, 500, 1000, 1500])
    expect(niceTicks(0, 0.7)).toEqual([0, 1])
  })

  it('never steps below 1 for counts, and gives [0, 1] for an empty chart', () => {
    expect(niceTicks(0, 3)).toEqual([0, 1, 2, 3])
    expect(niceTicks(0, 0)).toEqual([0, 1])
    expect(niceTicks(0, NaN)).toEqual([0, 1])
  })
})

describe('periods', () => {
  it('names a month and a quarter in each language', () => {
    expect(periodLabel('2024-03', 'en')).toBe('Mar 2024')
    expect(periodLabel('2024-03', 'fr')).toBe('mars 2024')
    expect(periodLabel('2024-Q1', 'en')).toBe('Q1 2024')
    expect(periodLabel('2024-Q1', 'fr')).toBe('T1 2024')
    const digits = new Intl.NumberFormat('ar', { useGrouping: false })
    expect(periodLabel('2024-Q3', 'ar')).toBe(`الربع ${digits.format(3)} ${digits.format(2024)}`)
  })

  it('finds the period of a date and the first day of a period', () => {
    expect(periodOf('2024-05-17', 'month')).toBe('2024-05')
    expect(periodOf('2024-05-17', 'quarter')).toBe('2024-Q2')
    expect(periodStart('2024-Q4')).toBe('2024-10-01')
    expect(() => periodStart('2024-13')).toThrow('period must be YYYY-MM or YYYY-Qn, got "2024-13"')
  })
})

describe('time-series chart', () => {
  it('scales y to the largest value of a line and the largest stack of bars', () => {
    expect(valueMax(periods, [a, b], 'line')).toBe(12)
    expect(valueMax(periods, [a, b], 'stacked-bar')).toBe(17)
  })

  it('puts period i at the centre of its band, left to right, and right to left in Arabic', () => {
    const en = chartLayout(base)
    expect(en.bandPx).toBeCloseTo((en.right - en.left) / 4, 9)
    expect(en.xOf(0)).toBeCloseTo(en.left + en.bandPx / 2, 9)
    expect(en.xOf(3)).toBeCloseTo(en.right - en.bandPx / 2, 9)
    const ar = chartLayout({ ...base, locale: 'ar' })
    expect(ar.xOf(0)).toBeCloseTo(ar.right - ar.bandPx / 2, 9)
    expect(ar.xOf(0)).toBeGreaterThan(ar.xOf(3))
    expect(en.ticks).toEqual([0, 2, 4, 6, 8, 10, 12])
    expect(en.yOf(0)).toBe(en.bottom)
    expect(en.yOf(12)).toBe(en.top)
  })

  it('draws a line through the known points and breaks it at NaN', () => {
    const xOf = (i: number) => 10 + i * 20
    const yOf = (v: number) => 100 - v * 5
    expect(linePath([3, 7, NaN, 12], xOf, yOf)).toBe('M10 85L30 65M70 40')
    const svg = timeSeriesSvg(base)
    const L = chartLayout(base)
    const r = (x: number) => String(Math.round(x * 10) / 10)
    expect(svg).toContain(`d="M${r(L.xOf(0))} ${r(L.yOf(3))}L${r(L.xOf(1))} ${r(L.yOf(7))}M${r(L.xOf(3))} ${r(L.yOf(12))}"`)
  })

  it('stacks bars bottom up in series order and leaves out zero and NaN', () => {
    const L = chartLayout({ ...base, kind: 'stacked-bar' })
    const p0 = stackRects([a, b], 0, L)
    expect(p0.map((r) => r.key)).toEqual(['drug_trafficking', 'arms_proliferation'])
    expect(p0[0].y + p0[0].h).toBeCloseTo(L.yOf(0), 9)
    expect(p0[0].h).toBeCloseTo(L.yOf(0) - L.yOf(3), 9)
    expect(p0[1].y + p0[1].h).toBeCloseTo(p0[0].y, 9)
    expect(stackRects([a, b], 1, L).map((r) => r.key)).toEqual(['drug_trafficking'])
    expect(stackRects([a, b], 2, L).map((r) => r.key)).toEqual(['arms_proliferation'])
    const svg = timeSeriesSvg({ ...base, kind: 'stacked-bar' })
    expect(svg.match(/class="bar"/g)).toHaveLength(6)
    expect(L.ticks).toEqual([0, 5, 10, 15, 20])
  })

  it('writes tick values, period labels, legend and hover titles in the locale', () => {
    const big: ChartSeries = { key: 'n', label: 'Incidents', color: '#000', values: [1200, 2500, 800, 0] }
    const fr = timeSeriesSvg({ ...base, series: [big, b], locale: 'fr', title: 'Incidents par mois' })
    const group = new Intl.NumberFormat('fr').format(2500)
    expect(fr).toContain(`>${group}</text>`)
    expect(fr).toContain('>janv. 2024</text>')
    expect(fr).toContain(`Incidents: ${group}`)
    expect(fr).toContain('class="legend-item" data-key="arms_proliferation">Arms</text>')
    expect(fr).toContain('class="chart-title">Incidents par mois</text>')
    const ar = timeSeriesSvg({ ...base, locale: 'ar', title: 'الحوادث' })
    expect(ar).toContain('\u202Bالحوادث\u202C')
    expect(ar).toContain(`>\u202B${periodLabel('2024-01', 'ar')}\u202C</text>`)
  })

  it('refuses series that do not match the periods, and periods out of order', () => {
    expect(() => timeSeriesSvg({ ...base, series: [{ ...a, values: [1] }] })).toThrow('series "drug_trafficking" has 1 values for 4 periods')
    expect(() => timeSeriesSvg({ ...base, periods: ['2024-02', '2024-01', '2024-03', '2024-04'] })).toThrow('periods must ascend, got 2024-02 then 2024-01')
    expect(() => timeSeriesSvg({ ...base, widthPx: 10 })).toThrow('widthPx must be between 80 and 10000, got 10')
  })

  it('escapes labels so a series name cannot break the SVG', () => {
    const svg = timeSeriesSvg({ ...base, series: [{ ...a, label: '<b>&"x"' }, b] })
    expect(svg).toContain('&lt;b&gt;&amp;&quot;x&quot;')
    expect(svg).not.toContain('<b>')
  })
})

describe('sparkline', () => {
  it('scales from 0 to the maximum across the width, with a gap at NaN', () => {
    const svg = sparklineSvg([0, 4, NaN, 2], { widthPx: 62, heightPx: 22, color: '#c00' })
    // x from 2 to 60 in 3 steps of 19.3; y from 20 (0) to 2 (max 4)
    expect(svg).toContain('d="M2 20L21.3 2M60 11"')
    expect(svg).toContain('<circle cx="60" cy="11" r="2" fill="#c00"/>')
  })
})

describe('CSV', () => {
  it('writes a header of keys and one CRLF row per period, NaN as an empty cell', () => {
    expect(seriesCsv(periods, [a, b])).toBe('period,drug_trafficking,arms_proliferation\r\n2024-01,3,1\r\n2024-02,7,0\r\n2024-03,,4\r\n2024-04,12,5\r\n')
  })

  it('makes a formula-looking key harmless', () => {
    expect(seriesCsv(['2024-01'], [{ ...a, key: '=1+1', values: [1] }]).split('\r\n')[0]).toBe("period,'=1+1")
  })
})
