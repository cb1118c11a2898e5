import { describe, expect, it } from 'vitest'
import { iomMapper, isIomHeader } from './iom.ts'
import { iomRouteFamily } from './route-family.ts'
import { isRejection, type ParsedIncident, type Rejection } from './types.ts'

// The public mirror's 19 columns (no id, year + month only).
const MIRROR = [
  'Incident Type', 'Incident year', 'Reported Month', 'Region of Origin', 'Region of Incident', 'Country of Origin', 'Number of Dead',
  'Minimum Estimated Number of Missing', 'Total Number of Dead and Missing', 'Number of Survivors', 'Number of Females', 'Number of Males',
  'Number of Children', 'Cause of Death', 'Migration route', 'Location of death', 'Information Source', 'Coordinates', 'UNSD Geographical Grouping',
]
const row = (over: Record<string, string>) =>
  MIRROR.map((h) => over[h] ?? { 'Incident Type': 'Incident', 'Incident year': '2021', 'Reported Month': 'March', 'Number of Dead': '3', 'Total Number of Dead and Missing': '3', Coordinates: '20.4651, 13.1234' }[h] ?? '')

const ok = (r: ParsedIncident | Rejection) => {
  if (isRejection(r)) throw new Error(`rejected: ${r.reason}`)
  return r
}

describe('IOM Missing Migrants CSV', () => {
  const map = iomMapper(MIRROR)

  it('recognises the mirror header', () => {
    expect(isIomHeader(MIRROR)).toBe(true)
    expect(isIomHeader(['lat', 'lon'])).toBe(false)
  })

  it('reads "lat, lon" latitude first, month-only dates as month precision', () => {
    const i = ok(map(row({}), 2))
    expect([i.lng, i.lat]).toEqual([13.1234, 20.4651])
    expect(i.date).toBe('2021-03-01')
    expect(i.datePrecision).toBe('month')
    expect(i.threat).toBe('migration_trafficking')
    expect(i.geoPrecision).toBe(1)
  })

  it('keeps a truncated longitude but flags it low precision', () => {
    const i = ok(map(row({ Coordinates: '35.8793, -5' }), 3))
    expect(i.lng).toBe(-5)
    expect(i.geoPrecision).toBe(3)
    expect(i.attrs.coordinates_truncated).toBe(true)
  })

  it('rejects a row without coordinates naming the field', () => {
    expect(map(row({ Coordinates: '' }), 4)).toEqual({ line: 4, field: 'Coordinates', reason: 'no coordinates' })
  })

  it('reads counts with thousands separators', () => {
    const i = ok(map(row({ 'Number of Dead': '1,022', 'Total Number of Dead and Missing': '1,022' }), 5))
    expect(i.dead).toBe(1022)
    expect(i.deadMissing).toBe(1022)
  })

  it('flags split and cumulative incidents as possible double counts', () => {
    expect(ok(map(row({ 'Incident Type': 'Split Incident' }), 6)).attrs.may_double_count).toBe(true)
    expect(ok(map(row({ 'Incident Type': 'Cumulative Incident' }), 7)).attrs.may_double_count).toBe(true)
    expect(ok(map(row({}), 8)).attrs.may_double_count).toBeUndefined()
  })

  it('reads a negative count as unknown and notes it', () => {
    const i = ok(map(row({ 'Number of Survivors': '-1' }), 9))
    expect(i.survivors).toBeNull()
    expect(i.attrs.negative_counts_dropped).toEqual({ 'Number of Survivors': -1 })
  })

  it('rejects a count that is not a number, naming its column', () => {
    expect(map(row({ 'Number of Dead': 'many' }), 10)).toEqual({ line: 10, field: 'Number of Dead', reason: 'not a whole non-negative number: "many"' })
  })

  it('maps the route to its family, the first that maps for combined routes', () => {
    expect(ok(map(row({ 'Migration route': 'Sahara Desert crossing' }), 11)).routeFamily).toBe('sahara')
    expect(iomRouteFamily('Central Mediterranean,Sahara Desert crossing')).toBe('central')
    expect(iomRouteFamily('US-Mexico border crossing')).toBeNull()
  })

  it('gives identical rows of the mirror distinct ids', () => {
    const m = iomMapper(MIRROR)
    expect(ok(m(row({}), 2)).sourceId).not.toBe(ok(m(row({}), 3)).sourceId)
  })

  it('reads the current official export: Incident ID, Incident Date, URL', () => {
    const header = ['Main ID', 'Incident ID', 'Incident Type', 'Region of Incident', 'Incident Date', 'Incident Year', 'Month', 'Number of Dead', 'Minimum Estimated Number of Missing', 'Total Number of Dead and Missing', 'Number of Survivors', 'Number of Females', 'Number of Males', 'Number of Children', 'Country of Origin', 'Region of Origin', 'Cause of Death', 'Country of Incident', 'Migration Route', 'Location of Incident', 'Coordinates', 'UNSD Geographical Grouping', 'Information Source', 'URL', 'Source Quality']
    const cells = header.map((h) => ({ 'Main ID': '2023.MMP0001', 'Incident ID': '2023.MMP0001', 'Incident Date': '2023-01-14', 'Incident Year': '2023', Month: 'January', 'Total Number of Dead and Missing': '12', 'Migration Route': 'Western Africa / Atlantic route to the Canary Islands', Coordinates: '27.1, -15.2', URL: 'https://example.org/a' })[h] ?? '')
    const i = ok(iomMapper(header)(cells, 2))
    expect(i.sourceId).toBe('2023.MMP0001')
    expect(i.date).toBe('2023-01-14')
    expect(i.datePrecision).toBe('day')
    expect(i.routeFamily).toBe('atlantic')
    expect(i.attrs.url).toBe('https://example.org/a')
  })

  it('reads the dated cut: Reported Date "January 6, 2014"', () => {
    const header = ['Reported Date', 'Total Number of Dead and Missing', 'Coordinates']
    const i = ok(iomMapper(header)(['January 6, 2014', '1', '31.650259, -110.366453'], 2))
    expect(i.date).toBe('2014-01-06')
    expect(i.deadMissing).toBe(1)
  })
})
