// Synthetic demo incidents along the catalogue routes, so a fresh install's first screen is not
// empty. Deterministic for a given random generator (pass mulberry32(seed)); never real events.
import { polylineKm } from '../../shared/great-circle.ts'
import { gaussian } from './prng.ts'
import type { ParsedIncident } from './incident-parse/types.ts'

/** Dataset name and credit every synthetic incident carries. */
export const SYNTHETIC_DATASET = 'synthetic-demo'
export const SYNTHETIC_CREDIT = 'synthetic demo data'

export interface SyntheticRoute {
  id: string
  name: string
  family: string
  threats: string[]
  /** the route line, [lng, lat] */
  coordinates: [number, number][]
  /** hubs along it, where incidents cluster */
  waypoints: { lng: number; lat: number }[]
}

export interface SyntheticOptions {
  /** how many incidents (default 4,000) */
  count?: number
  /** first and last day, ISO dates (default 2019-01-01 .. 2025-12-31) */
  from?: string
  to?: string
  /** share of incidents placed around hubs rather than along the line (default 0.55) */
  hubShare?: number
}

const KM_PER_DEG = 111.32
const DAY_MS = 86_400_000

/**
 * Incidents scattered around the hubs (σ 15 km) and along the lines (σ 8 km) of the routes,
 * routes weighted by length; each route gets its own rising or falling trend over the period.
 */
export function syntheticIncidents(routes: readonly SyntheticRoute[], random: () => number, options: SyntheticOptions = {}): ParsedIncident[] {
  const count = options.count ?? 4000
  const hubShare = options.hubShare ?? 0.55
  const t0 = Date.parse(`${options.from ?? '2019-01-01'}T00:00:00Z`)
  const t1 = Date.parse(`${options.to ?? '2025-12-31'}T00:00:00Z`)
  if (routes.length === 0) throw new Error('syntheticIncidents needs at least one route')
  if (!(t1 > t0)) throw new Error(`to must be after from, got ${options.from} .. ${options.to}`)
  const lengths = routes.map((r) => polylineKm(r.coordinates))
  const total = lengths.reduce((a, b) => a + b, 0)
  // a trend in −0.9..0.9 per route: the date density is 1 + trend·(2u − 1) over the period
  const trends = routes.map(() => (random() * 2 - 1) * 0.9)
  const out: ParsedIncident[] = []
  for (let i = 0; i < count; i++) {
    let pick = random() * total
    let r = 0
    while (r < routes.length - 1 && pick >= lengths[r]) pick -= lengths[r++]
    const route = routes[r]
    const [lng, lat] = random() < hubShare ? jitter(route.waypoints[Math.floor(random() * route.waypoints.length)], 15, random) : alongLine(route.coordinates, random)
    const u = trendedFraction(trends[r], random)
    const date = new Date(t0 + Math.floor((u * (t1 - t0)) / DAY_MS) * DAY_MS).toISOString().slice(0, 10)
    const threat = route.threats[Math.floor(random() * route.threats.length)]
    const dead = threat === 'migration_trafficking' ? Math.floor(-Math.log(1 - random()) * 2) : 0
    out.push({
      line: i + 1,
      sourceId: `syn-${i + 1}`,
      lng: round6(lng),
      lat: round6(lat),
      date,
      datePrecision: 'day',
      threat,
      geoPrecision: 1,
      dead,
      missing: null,
      deadMissing: dead,
      survivors: null,
      quantity: threat === 'drug_trafficking' ? Math.round(-Math.log(1 - random()) * 400) : null,
      route: route.name,
      routeFamily: route.family,
      attrs: { route_id: route.id, synthetic: true },
    })
  }
  return out
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6
}

function jitter(p: { lng: number; lat: number }, sigmaKm: number, random: () => number): [number, number] {
  const dLat = (gaussian(random) * sigmaKm) / KM_PER_DEG
  const dLng = (gaussian(random) * sigmaKm) / (KM_PER_DEG * Math.cos((p.lat * Math.PI) / 180))
  return [p.lng + dLng, p.lat + dLat]
}

function alongLine(coords: [number, number][], random: () => number): [number, number] {
  const seg = Math.floor(random() * (coords.length - 1))
  const f = random()
  const [a, b] = [coords[seg], coords[seg + 1]]
  return jitter({ lng: a[0] + (b[0] - a[0]) * f, lat: a[1] + (b[1] - a[1]) * f }, 8, random)
}

/** A fraction of the period in [0, 1) drawn with density 1 + trend·(2u − 1) (rejection sampling). */
function trendedFraction(trend: number, random: () => number): number {
  for (;;) {
    const u = random()
    if (random() * (1 + Math.abs(trend)) <= 1 + trend * (2 * u - 1)) return u
  }
}
