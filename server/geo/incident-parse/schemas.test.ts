import { describe, expect, it } from 'vitest'
import { detectSchema, KNOWN_SCHEMAS } from './schemas.ts'

const headerOf = (id: string) => [...KNOWN_SCHEMAS.find((s) => s.id === id)!.header]

describe('known schemas', () => {
  it.each(KNOWN_SCHEMAS.map((s) => s.id))('recognises the %s header exactly as documented', (id) => {
    expect(detectSchema(headerOf(id))).toMatchObject({ schema: { id }, score: 1 })
  })

  it('recognises the 2014–2021 export with the re-publication extras (unnamed index, lat, lon, dt) and reordered columns', () => {
    const header = ['', ...headerOf('iom-2014-2021').reverse(), 'lat', 'lon', 'dt']
    expect(detectSchema(header)?.schema.id).toBe('iom-2014-2021')
  })

  it('matches header names case-, space- and punctuation-insensitively', () => {
    const header = headerOf('iom-current').map((h) => h.toUpperCase().replaceAll(' ', '_'))
    expect(detectSchema(header)?.schema.id).toBe('iom-current')
    expect(detectSchema(['Reported-Date', 'total number of dead & missing', ' COORDINATES '])?.schema.id).toBe('iom-dated')
  })

  it('tells the older ACLED export from the standard one by its extra columns', () => {
    expect(detectSchema(headerOf('acled-older'))?.schema.id).toBe('acled-older')
    expect(detectSchema([...headerOf('acled'), 'data_id', 'event_id_no_cnty', 'iso3'])?.schema.id).toBe('acled')
  })

  it('recognises a cut of 9 of the mirror\'s 19 columns', () => {
    const cut = ['Incident Type', 'Incident year', 'Reported Month', 'Number of Dead', 'Minimum Estimated Number of Missing', 'Total Number of Dead and Missing', 'Number of Survivors', 'Migration route', 'Coordinates']
    expect(detectSchema(cut)?.schema.id).toBe('iom-mirror')
  })

  it('recognises a cut ACLED export by its own event ids and types, so its terms follow it', () => {
    const cut = ['event_id_cnty', 'event_date', 'event_type', 'sub_event_type', 'country', 'latitude', 'longitude', 'fatalities']
    expect(detectSchema(cut)?.schema.id).toBe('acled')
    expect(detectSchema(cut.filter((h) => h !== 'event_id_cnty'))).toBeNull()
  })

  it('takes a file with a few columns of a schema for a generic CSV', () => {
    expect(detectSchema(['Coordinates', 'Date', 'Type'])).toBeNull()
    expect(detectSchema(['id', 'lat', 'lng', 'date'])).toBeNull()
  })

  it('does not take a file for a schema without the columns its coordinates and dates come from', () => {
    const header = headerOf('iom-dated').filter((h) => h !== 'Coordinates')
    expect(detectSchema(header)).toBeNull()
  })
})
