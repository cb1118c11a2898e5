// The curated route catalogue (geodata/routes.source.json) checked against the vocabularies and
// turned into GeoJSON LineStrings through its resolved waypoints, each leg tagged with how it is
// known (track, schematic, sea) and each route with its period and status.
import type { Feature, LineString } from 'geojson'
import {
  CONFIDENCE, FAMILIES, KINDS, LEG_KINDS, ROUTE_STATUSES, THREATS,
  type Confidence, type Family, type Kind, type LegKind, type RouteStatus, type Threat,
} from '../../shared/vocabulary.ts'
import { densifyGreatCircle, polylineKm } from '../../shared/great-circle.ts'
import { resolveWaypoints, type Gazetteer, type WaypointRef } from './waypoints.ts'

export interface RouteSource {
  id: string
  name: string
  family: Family
  kind: Kind
  /** empty only for forced movements (displacement, expulsion), which no threat category describes */
  threats: Threat[]
  /** refugee displacement or expulsion rather than smuggling */
  forced?: boolean
  direction: 'forward' | 'both'
  waypoints: WaypointRef[]
  /** how each leg (waypoint i to i + 1) is known; one fewer than the waypoints */
  legs: LegKind[]
  /** first and last year of the evidence the route is drawn from; null = open */
  valid_from: number | null
  valid_to: number | null
  status: RouteStatus
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

/** One leg of a route: vertices `start`..`end` (inclusive) of the route's LineString. */
export interface RouteSegment {
  kind: LegKind
  start: number
  end: number
}

export type RouteFeature = Feature<
  LineString,
  Omit<RouteSource, 'waypoints' | 'legs' | 'valid_from' | 'valid_to'> & {
    waypoints: RouteWaypoint[]
    segments: RouteSegment[]
    /** ISO dates, first day of valid_from's year and last day of valid_to's year; null = open */
    valid_from: string | null
    valid_to: string | null
    length_km: number
  }
>

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/

function oneOf<T extends string>(id: string, field: string, value: unknown, allowed: readonly T[]): void {
  if (!allowed.includes(value as T)) throw new Error(`route ${id}: ${field} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`)
}

function year(id: string, field: string, value: unknown): void {
  if (value !== null && !(Number.isInteger(value) && (value as number) >= 1900 && (value as number) <= 2100)) {
    throw new Error(`route ${id}: ${field} must be a year from 1900 to 2100 or null, got ${JSON.stringify(value)}`)
  }
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
    oneOf(r.id, 'status', r.status, ROUTE_STATUSES)
    if (r.threats.length === 0 && !r.forced) throw new Error(`route ${r.id}: threats must not be empty (unless forced)`)
    for (const t of r.threats) oneOf(r.id, 'threats[]', t, THREATS)
    if (r.waypoints.length < 2) throw new Error(`route ${r.id}: needs at least 2 waypoints, got ${r.waypoints.length}`)
    if (!Array.isArray(r.legs) || r.legs.length !== r.waypoints.length - 1) {
      throw new Error(`route ${r.id}: legs must have ${r.waypoints.length - 1} entries (one per leg), got ${Array.isArray(r.legs) ? r.legs.length : 'none'}`)
    }
    for (const leg of r.legs) oneOf(r.id, 'legs[]', leg, LEG_KINDS)
    year(r.id, 'valid_from', r.valid_from)
    year(r.id, 'valid_to', r.valid_to)
    if (r.valid_from !== null && r.valid_to !== null && r.valid_to < r.valid_from) {
      throw new Error(`route ${r.id}: valid_to (${r.valid_to}) is before valid_from (${r.valid_from})`)
    }
    if (r.status === 'historical' && r.valid_to === null) throw new Error(`route ${r.id}: a historical route needs valid_to`)
    if (r.sources.length === 0) throw new Error(`route ${r.id}: sources must not be empty`)
    for (const s of r.sources) {
      if (!s.url.startsWith('https://')) throw new Error(`route ${r.id}: source url must be https, got ${s.url}`)
      if (!Number.isInteger(s.year)) throw new Error(`route ${r.id}: every source needs the year of its evidence, got ${JSON.stringify(s.year)}`)
    }
    for (const key of ['name', 'confidence_note', 'description'] as const) {
      if (!r[key].trim()) throw new Error(`route ${r.id}: ${key} must not be empty`)
    }
  }
}

/**
 * One LineString feature per route: the resolved waypoints joined along great circles, densified
 * to segments of at most `stepKm` km, with one segment per leg (vertex ranges into the line);
 * `length_km` is the great-circle length through the waypoints. `countries` is not set here: the
 * database computes it from the line against the countries layer when the catalogue is loaded.
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
    const vertices = waypoints.map((w) => [w.lng, w.lat])
    const coordinates = [vertices[0]]
    const segments: RouteSegment[] = []
    route.legs.forEach((kind, i) => {
      const start = coordinates.length - 1
      coordinates.push(...densifyGreatCircle([vertices[i], vertices[i + 1]], stepKm).slice(1))
      const last = segments[segments.length - 1]
      // consecutive legs of one kind make one segment, so dashes run on unbroken
      if (last && last.kind === kind) last.end = coordinates.length - 1
      else segments.push({ kind, start, end: coordinates.length - 1 })
    })
    const { waypoints: _refs, legs: _legs, valid_from, valid_to, ...rest } = route
    return {
      type: 'Feature',
      id: route.id,
      properties: {
        ...rest,
        waypoints,
        segments,
        valid_from: valid_from === null ? null : `${valid_from}-01-01`,
        valid_to: valid_to === null ? null : `${valid_to}-12-31`,
        length_km: Math.round(polylineKm(vertices)),
      },
      geometry: { type: 'LineString', coordinates },
    }
  })
}
