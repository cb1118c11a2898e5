import { describe, expect, it } from 'vitest'
import { parseDatetime, parseOgcBbox } from './ogc-params.ts'

describe('parseDatetime', () => {
  it('reads a date as the whole day', () => {
    const { start, end } = parseDatetime('2020-03-01')
    expect(start!.toISOString()).toBe('2020-03-01T00:00:00.000Z')
    expect(end!.toISOString()).toBe('2020-03-01T23:59:59.999Z')
  })

  it('reads a closed interval of date-times', () => {
    const { start, end } = parseDatetime('2019-01-01T00:00:00Z/2019-06-30T12:00:00+02:00')
    expect(start!.toISOString()).toBe('2019-01-01T00:00:00.000Z')
    expect(end!.toISOString()).toBe('2019-06-30T10:00:00.000Z')
  })

  it('reads a date with a bare T, as GDAL sends it, and a date-time without offset as UTC', () => {
    expect(parseDatetime('2017-01-01T/2018-06-30T').end!.toISOString()).toBe('2018-06-30T23:59:59.999Z')
    expect(parseDatetime('2017-01-01T10:00:00').start!.toISOString()).toBe('2017-01-01T10:00:00.000Z')
  })

  it('reads open starts and ends', () => {
    expect(parseDatetime('../2020-01-01').start).toBeNull()
    expect(parseDatetime('2020-01-01/..').end).toBeNull()
    expect(parseDatetime('2020-01-01/').end).toBeNull()
  })

  it.each(['yesterday', '2020-13-01', '2020-02-30', '../..', '2020-01-01/2019-01-01', '2020-01-01/2020-02-01/2020-03-01'])('refuses %s', (text) => {
    expect(() => parseDatetime(text)).toThrow(/datetime/)
  })
})

describe('parseOgcBbox', () => {
  it('takes 4 numbers', () => {
    expect(parseOgcBbox('5,15,10,20')).toEqual([5, 15, 10, 20])
  })

  it('takes 6 numbers and drops the heights', () => {
    expect(parseOgcBbox('5,15,0,10,20,100')).toEqual([5, 15, 10, 20])
  })

  it('refuses 3 numbers', () => {
    expect(() => parseOgcBbox('1,2,3')).toThrow('bbox must be 4 or 6 numbers, got 3')
  })
})
