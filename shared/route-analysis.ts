// Assembles a route analysis from what PostGIS returned: shares per country, crossings and
// places ordered along the route, and where shared corridors start and end.
import type { Geometry, Position } from 'geojson'
import { type AlongPosition, locateAlong } from './along.ts'

const round = (x: number, decimals = 1) => Math.round(x * 10 ** decimals) / 10 ** decimals

export interface CountryKmRow {
  iso3: string
  name_en: string
  km: number
}

export interface CountryShare {
  /** null for the part outside every country (sea) */
  iso3: string | null
  name: string
  km: number
  share: number
}

/** Km and share of the route per country, longest first; the rest (sea) as iso3 null. Shares sum to 1. */
export function countryShares(totalKm: number, rows: readonly CountryKmRow[]): CountryShare[] {
  const landKm = rows.reduce((s, r) => s + r.km, 0)
  const outsideKm = Math.max(0, totalKm - landKm)
  // a route along a border can be counted in both countries: shares are of the larger sum
  const base = Math.max(totalKm, landKm)
  const shares: CountryShare[] = rows
    .filter((r) => r.km > 0)
    .map((r) => ({ iso3: r.iso3, name: r.name_en, km: round(r.km), share: r.km / base }))
    .sort((a, b) => b.km - a.km)
  if (outsideKm >= 0.05) shares.push({ iso3: null, name: 'outside any country (sea)', km: round(outsideKm), share: outsideKm / base })
  return shares.map((s) => ({ ...s, share: round(s.share, 4) }))
}

export interface CrossingRow {
  a_iso3: string
  b_iso3: string
  lng: number
  lat: number
  before_iso3: string | null
  after_iso3: string | null
  place_name: string
  place_km: number
}

export interface BorderCrossing {
  from: string
  to: string
  lng: number
  lat: number
  along_km: number
  nearest_place: { name: string; distance_km: number }
}

/** Border crossings in travel order; touches (same country on both sides) are left out. */
export function orderCrossings(parts: readonly Position[][], rows: readonly CrossingRow[], lengthsKm?: number[]): BorderCrossing[] {
  const seen = new Set<string>()
  const crossings: BorderCrossing[] = []
  for (const r of rows) {
    const other = (iso3: string) => (iso3 === r.a_iso3 ? r.b_iso3 : r.a_iso3)
    const from = r.before_iso3 ?? (r.after_iso3 ? other(r.after_iso3) : null)
    const to = r.after_iso3 ?? (from ? other(from) : null)
    if (!from || !to || from === to) continue
    const key = `${r.lng.toFixed(4)},${r.lat.toFixed(4)}`
    if (seen.has(key)) continue
    seen.add(key)
    crossings.push({
      from,
      to,
      lng: round(r.lng, 5),
      lat: round(r.lat, 5),
      along_km: round(locateAlong(parts, [r.lng, r.lat], lengthsKm).alongKm),
      nearest_place: { name: r.place_name, distance_km: round(r.place_km) },
    })
  }
  return crossings.sort((a, b) => a.along_km - b.along_km)
}

export interface PlaceRow {
  id: number
  name: string
  iso3: string | null
  rank: number
  source: string
  lng: number
  lat: number
  distance_km: number
}

/** Places in the corridor ordered along the route, each with along_km. */
export function orderPlaces(parts: readonly Position[][], rows: readonly PlaceRow[], lengthsKm?: number[]) {
  return rows
    .map((r) => ({ ...r, distance_km: round(r.distance_km), along_km: round(locateAlong(parts, [r.lng, r.lat], lengthsKm).alongKm) }))
    .sort((a, b) => a.along_km - b.along_km || a.id - b.id)
}

/** First and last point of an overlap along the route: where a shared corridor starts and ends. */
export function overlapExtent(parts: readonly Position[][], overlap: Geometry, lengthsKm?: number[]) {
  const ends = lineEnds(overlap).map((p) => ({ p, at: locateAlong(parts, p, lengthsKm) }))
  if (ends.length === 0) return null
  const byAlong = ends.sort((a, b) => a.at.alongKm - b.at.alongKm)
  const describe = ({ at }: { at: AlongPosition }) => ({ lng: round(at.nearest[0], 5), lat: round(at.nearest[1], 5), along_km: round(at.alongKm) })
  return { start: describe(byAlong[0]), end: describe(byAlong[byAlong.length - 1]) }
}

function lineEnds(g: Geometry): Position[] {
  switch (g.type) {
    case 'LineString':
      return [g.coordinates[0], g.coordinates[g.coordinates.length - 1]]
    case 'MultiLineString':
      return g.coordinates.flatMap((c) => [c[0], c[c.length - 1]])
    case 'GeometryCollection':
      return g.geometries.flatMap(lineEnds)
    default:
      return []
  }
}
