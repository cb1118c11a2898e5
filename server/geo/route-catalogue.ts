// The curated route catalogue (geodata/routes.source.json) checked against the vocabularies and
// turned into GeoJSON LineStrings through its resolved waypoints.
import type { Feature, LineString } from 'geojson'
import { CONFIDENCE, FAMILIES, KINDS, THREATS, type Confidence, type Family, type Kind, type Threat } from '../../shared/vocabulary.ts'
import { densifyGreatCircle, polylineKm } from '../../shared/great-circle.ts'
import { resolveWaypoints, type Gazetteer, type WaypointRef } from './waypoints.ts'

export interface RouteSource {
  id: string
  name: string
  family: Family
  kind: Kind
  threats: Threat[]
  direction: 'forward' | 'both'
  waypoints: WaypointRef[]
  sources: { publisher: string; title: string; year: number; url: string }[]
  confidence: Confidence
  confidence_note: string
  description: string
}

export interface RouteWaypoint {
  name: string
  iso3: string | null
  lng: number
  lat: number
  source: 'geonames' | 'hub'
  geonames_name: string | null
}

export type RouteFeature = Feature<
  LineString,
  Omit<RouteSource, 'waypoints'> & { waypoints: RouteWaypoint[]; countries: string[]; length_km: number }
>

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/

function oneOf<T extends string>(id: string, field: string, value: unknown, allowed: readonly T[]): void {
  if (!allowed.includes(value as T)) throw new Error(`route ${id}: ${field} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`)
}

/** Checks every route's fields against the vocabularies; throws naming the route and field. */
export function validateCatalogue(routes: readonly RouteSource[]): void {
  const seen = new Set<string>()
  for (const r of routes) {
    if (!KEBAB.test(r.id)) throw new Error(`route id must be kebab-case, got ${JSON.stringify(r.id)}`)
    if (seen.has(r.id)) throw new Error(`route id ${r.id} appears twice`)
    seen.add(r.id)
    oneOf(r.id, 'family', r.family, FAMILIES)
    oneOf(r.id, 'kind', r.kind, KINDS)
    oneOf(r.id, 'confidence', r.confidence, CONFIDENCE)
    oneOf(r.id, 'direction', r.direction, ['forward', 'both'] as const)
    if (r.threats.length === 0) throw new Error(`route ${r.id}: threats must not be empty`)
    for (const t of r.threats) oneOf(r.id, 'threats[]', t, THREATS)
    if (r.waypoints.length < 2) throw new Error(`route ${r.id}: needs at least 2 waypoints, got ${r.waypoints.length}`)
    if (r.sources.length === 0) throw new Error(`route ${r.id}: sources must not be empty`)
    for (const s of r.sources) {
      if (!s.url.startsWith('https://')) throw new Error(`route ${r.id}: source url must be https, got ${s.url}`)
    }
    for (const key of ['name', 'confidence_note', 'description'] as const) {
      if (!r[key].trim()) throw new Error(`route ${r.id}: ${key} must not be empty`)
    }
  }
}

/**
 * One LineString feature per route: the resolved waypoints joined along great circles, densified
 * to segments of at most `stepKm` km; `length_km` is the great-circle length through the waypoints.
 */
export function buildRouteFeatures(
  routes: readonly RouteSource[],
  gazetteer: Gazetteer,
  iso3Of: (iso2: string) => string | null,
  stepKm = 25,
): RouteFeature[] {
  validateCatalogue(routes)
  return routes.map((route) => {
    const places = resolveWaypoints(route.id, route.waypoints, gazetteer)
    const waypoints: RouteWaypoint[] = places.map((p, i) => ({
      name: route.waypoints[i].name,
      iso3: iso3Of(p.iso2),
      lng: p.lng,
      lat: p.lat,
      source: p.source,
      geonames_name: p.geonamesName,
    }))
    const countries: string[] = []
    for (const w of waypoints) if (w.iso3 && !countries.includes(w.iso3)) countries.push(w.iso3)
    const vertices = waypoints.map((w) => [w.lng, w.lat])
    const { waypoints: _refs, ...rest } = route
    return {
      type: 'Feature',
      id: route.id,
      properties: { ...rest, waypoints, countries, length_km: Math.round(polylineKm(vertices)) },
      geometry: { type: 'LineString', coordinates: densifyGreatCircle(vertices, stepKm) },
    }
  })
}
