import { describe, expect, it } from 'vitest'
import { FAMILIES, KINDS } from './vocabulary.ts'
import { FAMILY_COLOURS, KIND_COLOURS, UNKNOWN_ROUTE_COLOUR, routeColour } from './palette.ts'

describe('route colours', () => {
  it('give every family a colour of its own', () => {
    const colours = FAMILIES.map((family) => routeColour(family, 'migration'))
    expect(colours).not.toContain(UNKNOWN_ROUTE_COLOUR)
    expect(new Set(colours).size).toBe(FAMILIES.length)
  })

  it('give every corridor kind a colour of its own, distinct from the families', () => {
    const corridorColours = KINDS.filter((kind) => kind !== 'migration').map((kind) => routeColour('sahara', kind))
    expect(corridorColours).not.toContain(UNKNOWN_ROUTE_COLOUR)
    expect(new Set([...corridorColours, ...Object.values(FAMILY_COLOURS)]).size).toBe(FAMILIES.length + KINDS.length - 1)
  })

  it('colour a corridor by its kind whatever its family', () => {
    expect(routeColour('western', 'drugs')).toBe(KIND_COLOURS.drugs)
    expect(routeColour('eastern', 'drugs')).toBe(KIND_COLOURS.drugs)
  })

  it('fall back to grey for a family the vocabulary does not know', () => {
    expect(routeColour('arctic', 'migration')).toBe(UNKNOWN_ROUTE_COLOUR)
  })
})
