import { describe, expect, it } from 'vitest'
import { iomRouteDeaths } from './iom-route-deaths.ts'

const CSV = [
  '\uFEFFIncident Type,Incident year,Total Number of Dead and Missing,Migration route',
  'Incident,2016,"1,022",Central Mediterranean',
  'Incident,2016,3,"Central Mediterranean,Sahara Desert crossing"',
  'Incident,2017,5,Sahara Desert crossing',
  'Incident,2017,7,Eastern Mediterranean',
  'Incident,2017,2,',
  'Incident,2023,40,Central Mediterranean',
].join('\n')

describe('iomRouteDeaths', () => {
  it('sums dead and missing per catalogue route and year, thousands separators included', () => {
    const rows = iomRouteDeaths(CSV, 2023)
    expect(rows.map((r) => [r.route_id, r.year, r.value])).toEqual([
      ['cmr-agadez-sabha-tripoli', 2016, 3],
      ['cmr-agadez-sabha-tripoli', 2017, 5],
      ['cmr-zuwara-lampedusa', 2016, 1025],
    ])
  })

  it('leaves out routes outside the catalogue, rows without a route and the partial last year', () => {
    const rows = iomRouteDeaths(CSV, 2023)
    expect(rows.some((r) => r.year === 2023)).toBe(false)
    expect(rows.reduce((n, r) => n + r.value, 0)).toBe(1033)
    expect(rows.every((r) => r.metric === 'deaths' && r.licence.startsWith('CC BY 4.0'))).toBe(true)
  })
})
