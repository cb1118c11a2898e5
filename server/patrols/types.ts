// The parsed patrol plan request (camelCase, validated by the route's schema and checkRequest).
import type { MultiPolygon, Polygon } from 'geojson'
import type { SumField } from '../repos/hotspots.ts'
import type { IncidentFilter } from '../repos/incidents.ts'

export interface ExistingSite {
  lng: number
  lat: number
  name?: string
}

export interface PlanRequest {
  /** new sites to place */
  k: number
  /** reach of a site, km (geodesic) */
  radiusKm: number
  method: 'greedy' | 'exact'
  /** solver time limit, seconds (exact MIP, or the LP bound of a greedy plan) */
  timeLimitS: number
  /** compute an LP upper bound for a greedy plan */
  lpBound: boolean
  /** least distance between any two sites, new or existing, km */
  minSpacingKm: number
  existing: ExistingSite[]
  demand: {
    h3Res: number
    incidents: { weight: number; filter: IncidentFilter; sum: SumField | null } | null
    routes: { weight: number; families: string[] | null } | null
  }
  candidates: {
    h3Res: number
    /** border pairs of ISO3 codes, as given (either order) */
    pairs: [string, string][] | null
    borderKm: number
    countries: string[] | null
    polygon: Polygon | MultiPolygon | null
    exclude: Polygon | MultiPolygon | null
  }
}
