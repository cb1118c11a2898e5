import { describe, expect, it } from 'vitest'
import { hotspotStrings } from '../hotspots/strings.ts'
import { incidentCounts, incidentDate, incidentSourceUrl } from './incident-format.ts'

describe('incident text', () => {
  it('shows a date at its precision', () => {
    expect(incidentDate({ date: '2023-05-17', date_precision: 'day' })).toBe('2023-05-17')
    expect(incidentDate({ date: '2023-05-01', date_precision: 'month' })).toBe('2023-05')
    expect(incidentDate({ date: '2023-01-01', date_precision: 'year' })).toBe('2023')
  })

  it('lists the known, non-zero counts', () => {
    expect(incidentCounts({ dead: 3, missing: 1022, survivors: 0, quantity: null }, hotspotStrings('en'), 'en')).toBe('3 dead, 1,022 missing')
    expect(incidentCounts({ dead: null, missing: null, survivors: null, quantity: null }, hotspotStrings('en'), 'en')).toBe('')
  })

  it('links only to http(s) source records, from an object or JSON text', () => {
    expect(incidentSourceUrl({ url: 'https://missingmigrants.iom.int/incident/1' })).toBe('https://missingmigrants.iom.int/incident/1')
    expect(incidentSourceUrl('{"url":"http://example.org/a"}')).toBe('http://example.org/a')
    expect(incidentSourceUrl({ url: 'javascript:alert(1)' })).toBeNull()
    expect(incidentSourceUrl({ synthetic: true })).toBeNull()
    expect(incidentSourceUrl(null)).toBeNull()
  })
})
