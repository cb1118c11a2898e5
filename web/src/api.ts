// The service's HTTP API as the web app uses it: same origin, JSON, typed, with the page's
// credential (auth/credentials.ts); a 401 also tells auth/session.ts the session has ended.

import type { RouteFlow } from '../../shared/route-flows.ts'
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson'
import type { Confidence, Family, Kind, Threat } from '../../shared/vocabulary.ts'
import type { PlaceRow } from '../../shared/route-analysis.ts'
import { authHeaders } from './auth/credentials.ts'
import { noteStatus } from './auth/session.ts'

/** A named point the route passes through, in order of travel. */
export interface Waypoint {
  name: string
  iso3: string
  lng: number
  lat: number
  source: string
}

/** A publication a route is curated from. */
export interface RouteSource {
  publisher: string
  title: string
  year: number
  url: string
}

/** The properties of one catalogue route, as `GET /api/routes` returns them. */
export interface RouteProperties {
  id: string
  name: string
  family: Family
  kind: Kind
  threats: Threat[]
  direction: 'forward' | 'both'
  confidence: Confidence
  confidence_note: string
  description: string
  waypoints: Waypoint[]
  countries: string[]
  sources: RouteSource[]
  length_km: number
  /** legs as vertex ranges: track, schematic or sea (absent for an analyst's drawing) */
  segments?: { kind: string; start: number; end: number }[]
  /** the route's period, YYYY-MM-DD, null when open */
  valid_from?: string | null
  valid_to?: string | null
  status?: 'active' | 'declining' | 'historical'
  /** refugee displacement or expulsion rather than smuggling */
  forced?: boolean
  /** received from a partner deployment: its member state and agency (null: made here) */
  origin_state?: string | null
  origin_agency?: string | null
}

export type RouteFeature = Feature<LineString, RouteProperties>
export type RouteCollection = FeatureCollection<LineString, RouteProperties>

/** A country of the basemap, as `GET /api/countries` returns it. */
export interface CountryProperties {
  iso3: string
  iso2: string
  name_en: string
  name_fr: string
  name_ar: string
  member: boolean
}

export type CountryCollection = FeatureCollection<Polygon | MultiPolygon, CountryProperties>

/** A land border between two countries, as `GET /api/borders` returns it (ISO3 pair sorted). */
export interface BorderProperties {
  a_iso3: string
  b_iso3: string
  length_km: number
}

export type BorderCollection = FeatureCollection<LineString | MultiLineString, BorderProperties>

/** The place nearest a point, and how far from it, in km. */
export interface NearestPlace {
  name: string
  distance_km: number
}

/** Where a line passes from one country into another; `along_km` from the line's start. */
export interface BorderCrossing {
  from: string
  to: string
  lng: number
  lat: number
  along_km: number
  nearest_place: NearestPlace | null
}

/** One country's stretch of a line; `iso3` null is sea or land outside every country. */
export interface CountryLength {
  iso3: string | null
  name: string
  km: number
  /** Fraction of the line's length, 0..1. */
  share: number
}

/** A place inside the corridor, `distance_km` off the line and `along_km` from its start. */
export type PlaceAlong = PlaceRow & { along_km: number }

/** A point on the analysed line, `along_km` from its start. */
export interface AlongPoint {
  lng: number
  lat: number
  along_km: number
}

/** Another catalogue route running inside the corridor for `overlap_km`. */
export interface SharedCorridor {
  id: string
  name: string
  family: Family
  kind: Kind
  overlap_km: number
  start: AlongPoint
  end: AlongPoint
}

/** The analysis of a catalogue route or a drawn line (`route` null). */
export interface LineAnalysis {
  route: { id: string; name: string } | null
  length_km: number
  countries: CountryLength[]
  border_crossings: BorderCrossing[]
  places_along: PlaceAlong[]
  places_truncated: boolean
  corridor: { corridor_km: number; area_km2: number; geometry: Polygon | MultiPolygon }
  shared_corridors: SharedCorridor[]
  in_zone_km: number
}

/** A catalogue route crossing one border, with each of its crossings there. */
export interface BorderRoute {
  id: string
  name: string
  family: Family
  kind: Kind
  direction: 'forward' | 'both'
  crossings: BorderCrossing[]
}

/** `GET /api/borders/:a/:b/crossings`: every catalogue route crossing the border of a and b. */
export interface BorderRoutes {
  border: { a_iso3: string; b_iso3: string }
  routes: BorderRoute[]
}

/** Thrown for a non-2xx answer, with the method, path, status and the service's message. */
export class ApiError extends Error {
  constructor(
    readonly path: string,
    readonly status: number,
    /** The `message` of the service's JSON error body, when it sent one. */
    readonly detail?: string,
    readonly method = 'GET',
  ) {
    super(`${method} ${path} answered ${status}${detail ? `: ${detail}` : ''}`)
    this.name = 'ApiError'
  }
}

async function errorFrom(response: Response, path: string, method: string): Promise<ApiError> {
  noteStatus(response.status)
  const body: unknown = await response.json().catch(() => null)
  const detail = typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string'
    ? (body as { message: string }).message
    : undefined
  return new ApiError(path, response.status, detail, method)
}

async function getJson(path: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(path, { headers: { accept: 'application/json', ...authHeaders(path) }, signal })
  if (!response.ok) throw await errorFrom(response, path, 'GET')
  return response.json()
}

async function postJson(path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json', ...authHeaders(path) },
    body: JSON.stringify(body),
    signal,
  })
  if (!response.ok) throw await errorFrom(response, path, 'POST')
  return response.json()
}

/** Every catalogue route, as a GeoJSON FeatureCollection of LineStrings ordered in travel direction. */
export async function fetchRoutes(signal?: AbortSignal): Promise<RouteCollection> {
  const body = await getJson('/api/routes', signal)
  if (!isFeatureCollection(body)) throw new Error('GET /api/routes did not return a FeatureCollection')
  return body as RouteCollection
}

export type { RouteFlow }

/** The published yearly figures of one route, oldest first per metric. */
export async function fetchRouteFlows(routeId: string, signal?: AbortSignal): Promise<RouteFlow[]> {
  const body = (await getJson(`/api/routes/${encodeURIComponent(routeId)}/flows`, signal)) as { flows?: RouteFlow[] }
  if (!Array.isArray(body.flows)) throw new Error(`GET /api/routes/${routeId}/flows did not return flows`)
  return body.flows
}

/** Each route's published figure of `metric` in `year`: route id to value (routes without one are absent). */
export async function fetchFlowsForYear(year: number, metric = 'detections', signal?: AbortSignal): Promise<Record<string, number>> {
  const body = (await getJson(`/api/route-flows?year=${year}&metric=${encodeURIComponent(metric)}`, signal)) as { values?: Record<string, number> }
  return body.values ?? {}
}

/** Member states and neighbours with their 1:50m display shapes and names in en/fr/ar. */
export async function fetchCountries(signal?: AbortSignal): Promise<CountryCollection> {
  const body = await getJson('/api/countries', signal)
  if (!isFeatureCollection(body)) throw new Error('GET /api/countries did not return a FeatureCollection')
  return body as CountryCollection
}

/** The analysis of catalogue route `routeId` with a corridor `corridorKm` either side of it. */
export async function fetchRouteAnalysis(routeId: string, corridorKm: number, signal?: AbortSignal): Promise<LineAnalysis> {
  return (await getJson(`/api/routes/${encodeURIComponent(routeId)}/analysis?corridor_km=${corridorKm}`, signal)) as LineAnalysis
}

/** The analysis of a drawn line; an `ApiError` with status 400 and a `detail` when refused. */
export async function postLineAnalysis(line: LineString, corridorKm: number, signal?: AbortSignal): Promise<LineAnalysis> {
  return (await postJson(`/api/analysis/route?corridor_km=${corridorKm}`, line, signal)) as LineAnalysis
}

/** Every land border of the basemap with its ISO3 pair and geodesic length in km. */
export async function fetchBorders(signal?: AbortSignal): Promise<BorderCollection> {
  const body = await getJson('/api/borders', signal)
  if (!isFeatureCollection(body)) throw new Error('GET /api/borders did not return a FeatureCollection')
  return body as BorderCollection
}

/** The catalogue routes crossing the land border of two countries (ISO3, either order). */
export async function fetchBorderRoutes(a: string, b: string, signal?: AbortSignal): Promise<BorderRoutes> {
  return (await getJson(`/api/borders/${encodeURIComponent(a)}/${encodeURIComponent(b)}/crossings`, signal)) as BorderRoutes
}

function isFeatureCollection(value: unknown): value is FeatureCollection {
  return (
    typeof value === 'object' && value !== null &&
    (value as { type?: unknown }).type === 'FeatureCollection' &&
    Array.isArray((value as { features?: unknown }).features)
  )
}
