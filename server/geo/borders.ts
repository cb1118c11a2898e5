// Land borders between neighbouring countries, extracted from a TopoJSON topology: two countries
// share a border where they share arcs, so `mesh` with a pair filter returns exactly the shared
// line work, merged into as few lines as the arcs allow.
import { mesh, neighbors } from 'topojson-client'
import { length } from '@turf/turf'
import type { Feature, MultiLineString } from 'geojson'
import type { GeometryObject, Topology } from 'topojson-specification'
import { countryOf, indexCountries, type CountryRecord } from './countries.ts'

export interface BorderProperties {
  a_iso3: string
  b_iso3: string
  /** Length along the 1:10m line on the sphere (Turf haversine, R = 6371.0088 km). */
  length_km: number
}

export type BorderFeature = Feature<MultiLineString, BorderProperties>

/** Geodesic length in km of a line, rounded to 0.1 km. */
export function lineLengthKm(line: MultiLineString): number {
  return Math.round(length({ type: 'Feature', properties: {}, geometry: line }, { units: 'kilometers' }) * 10) / 10
}

/**
 * Border lines for every neighbouring pair of catalogued countries where at least one side is a
 * member state; a_iso3 < b_iso3, sorted by pair. Lengths in km.
 */
export function extractBorders(topology: Topology, countries: readonly CountryRecord[]): BorderFeature[] {
  const object = topology.objects.countries
  if (object?.type !== 'GeometryCollection') throw new Error('topology has no countries GeometryCollection')
  const index = indexCountries(countries)
  const geometries = object.geometries as GeometryObject<{ name?: string }>[]
  const records = geometries.map((g) => countryOf(g, index))
  const adjacency = neighbors(geometries)
  const borders: BorderFeature[] = []
  for (let i = 0; i < geometries.length; i++) {
    const a = records[i]
    if (!a) continue
    for (const j of adjacency[i]) {
      const b = records[j]
      if (j <= i || !b || a.iso3 === b.iso3 || !(a.member || b.member)) continue
      const ga = geometries[i]
      const gb = geometries[j]
      const line = mesh(topology, object as GeometryObject, (x, y) => (x === ga && y === gb) || (x === gb && y === ga))
      if (line.coordinates.length === 0) continue
      const [aIso3, bIso3] = [a.iso3, b.iso3].sort()
      borders.push({
        type: 'Feature',
        id: `${aIso3}-${bIso3}`,
        properties: { a_iso3: aIso3, b_iso3: bIso3, length_km: lineLengthKm(line) },
        geometry: line,
      })
    }
  }
  return borders.sort((x, y) => String(x.id).localeCompare(String(y.id)))
}
