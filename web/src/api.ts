// The service's HTTP API as the web app uses it: same origin, JSON, typed.

import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson'
import type { Confidence, Family, Kind, Threat } from '../../server/geo/vocabulary.ts'

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

/** Thrown for a non-2xx answer, with the method, path and status in its message. */
export class ApiError extends Error {
  constructor(
    readonly path: string,
    readonly status: number,
  ) {
    super(`GET ${path} answered ${status}`)
    this.name = 'ApiError'
  }
}

async function getJson(path: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, signal })
  if (!response.ok) throw new ApiError(path, response.status)
  return response.json()
}

/** Every catalogue route, as a GeoJSON FeatureCollection of LineStrings ordered in travel direction. */
export async function fetchRoutes(signal?: AbortSignal): Promise<RouteCollection> {
  const body = await getJson('/api/routes', signal)
  if (!isFeatureCollection(body)) throw new Error('GET /api/routes did not return a FeatureCollection')
  return body as RouteCollection
}

/** Member states and neighbours with their 1:50m display shapes and names in en/fr/ar. */
export async function fetchCountries(signal?: AbortSignal): Promise<CountryCollection> {
  const body = await getJson('/api/countries', signal)
  if (!isFeatureCollection(body)) throw new Error('GET /api/countries did not return a FeatureCollection')
  return body as CountryCollection
}

function isFeatureCollection(value: unknown): value is FeatureCollection {
  return (
    typeof value === 'object' && value !== null &&
    (value as { type?: unknown }).type === 'FeatureCollection' &&
    Array.isArray((value as { features?: unknown }).features)
  )
}
