import { describe, expect, it } from 'vitest'
import { headerSignature, mappingNames, parseMappingText, resolveMapping } from './mapping.ts'
import { KNOWN_SCHEMAS } from './schemas.ts'

const OLD = ['', ...KNOWN_SCHEMAS.find((s) => s.id === 'iom-2014-2021')!.header, 'lat', 'lon', 'dt']

describe('the mapping step', () => {
  it('reads the 2014–2021 export from its "Location Coordinates" string and says the lat/lon columns are not used', () => {
    const m = resolveMapping(OLD, [])
    expect(m.schema).toBe('iom-2014-2021')
    expect(mappingNames(OLD, m)).toMatchObject({ coordinates: 'Location Coordinates', date: 'Reported Date', id: 'Web ID', dead: 'Number Dead' })
    expect(m.columns.lat).toBe(-1)
    expect(m.notes[0]).toBe('coordinates read from the "Location Coordinates" string; the separate "lat" and "lon" columns are not used')
  })

  it('finds a generic file\'s fields by common names and the date form from its rows', () => {
    const m = resolveMapping(['ID', 'Latitude', 'Longitude', 'Date'], [['1', '18', '7', '14/02/2024'], ['2', '18', '7', '03/02/2024']])
    expect(m).toMatchObject({ format: 'csv', schema: null, dateOrder: 'dmy', dateForm: 'DD/MM/YYYY', problems: [] })
  })

  it('reads a coordinate string as "lon, lat" when its first numbers go beyond ±90', () => {
    const m = resolveMapping(['where', 'when'], [['120.5, 10.2', '2024-01-01']], { coordinates: 'where', date: 'when' })
    expect(m.order).toBe('lnglat')
  })

  it('names a date column whose values do not parse, with examples', () => {
    const m = resolveMapping(['lat', 'lon', 'Nature'], [['1', '2', 'Saisie'], ['1', '2', 'Passage'], ['1', '2', 'Saisie']], { date: 'Nature' })
    expect(m.problems).toEqual([{ field: 'date', message: 'date column "Nature" holds no date that can be read, e.g. "Saisie", "Passage": map date to another column' }])
  })

  it('says what is missing in a file with unfamiliar headers', () => {
    const m = resolveMapping(['Ref', 'Y_wgs84', 'X_wgs84', 'Jour'], [])
    expect(m.problems.map((p) => p.field)).toEqual(['lat', 'date'])
  })

  it('lets a user mapping override a known schema field by field', () => {
    const m = resolveMapping(OLD, [], { lat: 'lat', lng: 'lon', date: 'dt' })
    expect(mappingNames(OLD, m)).toMatchObject({ lat: 'lat', lng: 'lon', date: 'dt', id: 'Web ID' })
    expect(m.columns.coordinates).toBe(-1)
    expect(() => resolveMapping(OLD, [], { lat: 'Breite' })).toThrow('mapping.lat: no column named "Breite"')
  })

  it('parses a mapping from pairs or JSON, naming a bad pair', () => {
    expect(parseMappingText('lat=Y_wgs84,lng=X_wgs84,date=Jour,date_order=dmy')).toEqual({ lat: 'Y_wgs84', lng: 'X_wgs84', date: 'Jour', date_order: 'dmy' })
    expect(parseMappingText('{"coordinates":"lat, lon","order":"latlng"}')).toEqual({ coordinates: 'lat, lon', order: 'latlng' })
    expect(() => parseMappingText('height=H')).toThrow('got "height=H"')
    expect(() => parseMappingText('order=yx')).toThrow('mapping order must be latlng or lnglat, got "yx"')
  })

  it('gives the same header signature to the same headers reordered or recased', () => {
    expect(headerSignature(['Ref', 'Y_wgs84', 'Jour'])).toBe(headerSignature(['jour', 'ref', 'y wgs84']))
    expect(headerSignature(['Ref', 'Jour'])).not.toBe(headerSignature(['Ref', 'Jour', 'Nature']))
  })
})
