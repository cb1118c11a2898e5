import { describe, expect, it } from 'vitest'
import { checkLngLat, contentIds, parseCount, parseDate, threatCode } from './fields.ts'

describe('field parsers', () => {
  it('read counts with thousands separators and empty cells', () => {
    expect(parseCount('1,022')).toBe(1022)
    expect(parseCount(' 7 ')).toBe(7)
    expect(parseCount('')).toBeNull()
    expect(() => parseCount('about 3')).toThrow('not a whole non-negative number: "about 3"')
  })

  it.each([
    ['2022-01-31', '2022-01-31', 'day'],
    ['2022-01-31T10:00:00Z', '2022-01-31', 'day'],
    ['31 January 2022', '2022-01-31', 'day'],
    ['January 6, 2014', '2014-01-06', 'day'],
    ['Tue, 01/06/2014 - 12:00', '2014-01-06', 'day'],
    ['2023-07', '2023-07-01', 'month'],
    ['July 2023', '2023-07-01', 'month'],
    ['2019', '2019-01-01', 'year'],
  ])('reads the date %s', (text, date, precision) => {
    expect(parseDate(text)).toEqual({ date, precision })
  })

  it('refuses an impossible date', () => {
    expect(() => parseDate('2023-02-30')).toThrow('no such date: 2023-2-30')
    expect(() => parseDate('soon')).toThrow('unrecognised date "soon"')
  })

  it('refuses coordinates out of range and 0, 0', () => {
    expect(() => checkLngLat(200, 10)).toThrow('longitude must be between -180 and 180, got 200')
    expect(() => checkLngLat(0, 0)).toThrow('null island')
  })

  it('maps threat codes and labels', () => {
    expect(threatCode('Drug trafficking')).toBe('drug_trafficking')
    expect(threatCode('arms_proliferation')).toBe('arms_proliferation')
    expect(threatCode('protest')).toBeNull()
  })

  it('gives identical rows distinct, stable ids', () => {
    const a = contentIds('x-')
    const b = contentIds('x-')
    const ids = [a(['1', 'A']), a(['1', 'A']), a(['2', 'B'])]
    expect(new Set(ids).size).toBe(3)
    expect([b(['1', 'A']), b(['1', 'A']), b(['2', 'B'])]).toEqual(ids)
  })
})
