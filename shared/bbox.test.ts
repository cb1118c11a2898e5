import { describe, expect, it } from 'vitest'
import { parseBbox } from './bbox.ts'

describe('parseBbox', () => {
  it('parses west,south,east,north', () => {
    expect(parseBbox('-18, 8,39,38')).toEqual([-18, 8, 39, 38])
  })

  it('refuses three numbers', () => {
    expect(() => parseBbox('1,2,3')).toThrow('bbox must be 4 numbers "west,south,east,north", got 3')
  })

  it('refuses a non-number', () => {
    expect(() => parseBbox('1,2,x,4')).toThrow(/got "1,2,x,4"/)
  })

  it('refuses west greater than east', () => {
    expect(() => parseBbox('10,0,5,4')).toThrow('bbox longitudes must satisfy -180 <= west <= east <= 180, got west 10, east 5')
  })

  it('refuses latitudes beyond the poles', () => {
    expect(() => parseBbox('0,-91,5,4')).toThrow(/bbox latitudes/)
  })
})
