import { describe, expect, it } from 'vitest'
import { DEFAULT_MAP_STATE } from '../../../shared/map-state.ts'
import { FAMILY_COLOURS } from '../../../shared/palette.ts'
import { stringsFor } from '../ui/strings.ts'
import { casualtyChartSeries, chartFileName, incidentChartSeries, keyName, seriesUrl, type KeyNames, type SeriesAnswer } from './chart-data.ts'
import { chartStrings } from './strings.ts'

const names = (locale: 'en' | 'fr' | 'ar'): KeyNames => ({ threats: stringsFor(locale).threats, families: stringsFor(locale).families, strings: chartStrings(locale) })
const s = (key: string, values: number[], dead = values.map(() => 0)) => ({ key, label: key, values, dead, missing: values.map(() => 0) })

describe('chart data', () => {
  it('asks the series of the state’s filters and time range', () => {
    const state = { ...DEFAULT_MAP_STATE, filters: { ...DEFAULT_MAP_STATE.filters, threats: ['drug_trafficking', 'arms_proliferation'] }, time: { from: '2022-01-01', to: '2022-12-31' } }
    expect(seriesUrl(state, { bucket: 'quarter', split: 'threat', lang: 'fr' })).toBe(
      '/api/incidents/series?threat=drug_trafficking%2Carms_proliferation&from=2022-01-01&to=2022-12-31&bucket=quarter&split=threat&lang=fr',
    )
    expect(seriesUrl(DEFAULT_MAP_STATE, { bucket: 'month', split: 'none', lang: 'en', route: { id: 'cmr-x', corridorKm: 25 } })).toBe(
      '/api/incidents/series?bucket=month&split=none&lang=en&route=cmr-x&corridor_km=25',
    )
  })

  it('names keys from the vocabulary and the words for what no split places', () => {
    expect(keyName('threat', 'drug_trafficking', 'drug_trafficking', names('fr'))).toBe(stringsFor('fr').threats.drug_trafficking)
    expect(keyName('family', 'unassigned', 'unassigned', names('en'))).toBe('No route family')
    expect(keyName('origin', 'local', 'local', names('en'))).toBe('Made here')
    expect(keyName('origin', 'MLI', 'Mali', names('en'))).toBe('Mali')
    expect(keyName('country', 'none', 'none', names('ar'))).toBe(chartStrings('ar').noCountry)
  })

  it('keeps the 7 largest series and sums the rest as other, period by period', () => {
    const answer: SeriesAnswer = {
      bucket: 'month', split: 'family', periods: ['2024-01', '2024-02'], casualty_incidents: 0, dead_incidents: 0, missing_incidents: 0, year_precise: 0,
      series: [s('central', [9, 9]), s('western', [8, 1]), ...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((k, i) => s(k, [i, 1]))],
    }
    const out = incidentChartSeries(answer, names('en'))
    expect(out).toHaveLength(8)
    expect(out[0]).toMatchObject({ key: 'central', label: 'Central Mediterranean', color: FAMILY_COLOURS.central, values: [9, 9] })
    // kept: central, western, a..e; folded: f (5, 1), g (6, 1), h (7, 1)
    expect(out[7]).toEqual({ key: 'other', label: 'Other', color: '#9a9388', values: [18, 3] })
  })

  it('totals dead and missing over the series, each only where the data has such figures', () => {
    const answer: SeriesAnswer = { bucket: 'month', split: 'threat', periods: ['2024-01', '2024-02'], casualty_incidents: 3, dead_incidents: 3, missing_incidents: 2, year_precise: 0, series: [s('a', [1, 2], [4, 0]), s('b', [1, 1], [1, 2])] }
    const [dead, missing] = casualtyChartSeries(answer, chartStrings('en'))
    expect(dead).toMatchObject({ key: 'dead', label: 'Dead', values: [5, 2] })
    expect(missing).toMatchObject({ key: 'missing', label: 'Missing', values: [0, 0] })
    expect(casualtyChartSeries({ ...answer, missing_incidents: 0 }, chartStrings('en')).map((c) => c.key)).toEqual(['dead'])
    expect(casualtyChartSeries({ ...answer, casualty_incidents: 0, dead_incidents: 0, missing_incidents: 0 }, chartStrings('en'))).toEqual([])
  })

  it('names downloads after the chart and its periods', () => {
    expect(chartFileName('Incidents threat', ['2022-01', '2022-02', '2023-06'], 'csv')).toBe('incidents-threat-2022-01_2023-06.csv')
    expect(chartFileName('route cmr-x', [], 'png')).toBe('route-cmr-x-empty.png')
  })
})
