// The curated country list (geodata/countries.json) joined to world-atlas (Natural Earth)
// TopoJSON geometries. world-atlas ids are ISO 3166-1 numeric strings ("012"); a few features
// have no id (N. Cyprus, ...) and are matched by their Natural Earth name instead.
import { feature } from 'topojson-client'
import { rewind } from '@turf/turf'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import type { GeometryObject, Topology } from 'topojson-specification'

export interface CountryRecord {
  numeric: string | null
  iso3: string
  iso2: string | null
  name_en: string
  name_fr: string
  name_ar: string
  member: boolean
  capital: string | null
  note?: string
  /** world-atlas `properties.name`, only for features without an ISO numeric id. */
  atlas_name?: string
}

export interface CountryProperties {
  iso3: string
  iso2: string | null
  name_en: string
  name_fr: string
  name_ar: string
  member: boolean
}

export type CountryFeature = Feature<Polygon | MultiPolygon, CountryProperties>

type AtlasGeometry = GeometryObject<{ name?: string }>

/** Indexes the catalogue by world-atlas key: the numeric id, or `name:<atlas name>` when it has none. */
export function indexCountries(countries: readonly CountryRecord[]): Map<string, CountryRecord> {
  const index = new Map<string, CountryRecord>()
  for (const c of countries) {
    const key = c.numeric ?? (c.atlas_name ? `name:${c.atlas_name}` : null)
    if (key === null) throw new Error(`country ${c.iso3} has neither numeric nor atlas_name`)
    if (index.has(key)) throw new Error(`country key ${key} appears twice`)
    index.set(key, c)
  }
  return index
}

/** The catalogue record of one world-atlas geometry, or undefined when it is not in the catalogue. */
export function countryOf(geometry: AtlasGeometry, index: Map<string, CountryRecord>): CountryRecord | undefined {
  if (geometry.id !== undefined) return index.get(String(geometry.id))
  const name = (geometry.properties as { name?: string } | undefined)?.name
  return name ? index.get(`name:${name}`) : undefined
}

/** Polygon features for the catalogued countries, RFC 7946 winding (exterior rings counter-clockwise). */
export function countryFeatures(topology: Topology, countries: readonly CountryRecord[]): CountryFeature[] {
  const index = indexCountries(countries)
  const object = topology.objects.countries
  if (object?.type !== 'GeometryCollection') throw new Error('topology has no countries GeometryCollection')
  const out: CountryFeature[] = []
  for (const geometry of object.geometries as AtlasGeometry[]) {
    const record = countryOf(geometry, index)
    if (!record) continue
    const f = feature(topology, geometry) as Feature<Polygon | MultiPolygon>
    if (f.geometry === null) continue
    const properties: CountryProperties = {
      iso3: record.iso3,
      iso2: record.iso2,
      name_en: record.name_en,
      name_fr: record.name_fr,
      name_ar: record.name_ar,
      member: record.member,
    }
    const wound = rewind(f.geometry, { reverse: false }) as Polygon | MultiPolygon
    out.push({ type: 'Feature', id: record.iso3, properties, geometry: wound })
  }
  return out.sort((a, b) => a.properties.iso3.localeCompare(b.properties.iso3))
}
