// Route analysis: PostGIS answers what indexes help with (which countries, borders, places and
// routes meet the line or its corridor, with geodesic lengths), geo/route-analysis.ts orders
// and assembles the rest. Catalogue routes and drawn lines take the same path.
import type { Geometry, LineString, MultiLineString, Position } from 'geojson'
import { sqlFile } from '../db/sql-files.ts'
import type { Db } from '../db/types.ts'
import { degreeMargin, locateAlong, partLengthsKm } from '../../shared/along.ts'
import { DENSIFY_STEP_DEG } from '../geo/densify.ts'
import { type BorderCrossing, type CountryKmRow, type CountryShare, type CrossingRow, countryShares, orderCrossings, orderPlaces, overlapExtent, type PlaceRow } from '../../shared/route-analysis.ts'
import { OPERATIONAL_ZONE_ID } from './zones.ts'

export interface AnalysisOptions {
  /** half-width of the corridor, km */
  corridorKm: number
  /** a catalogue route to leave out of shared corridors (the route itself) */
  routeId?: string
  /** minimum overlap for a shared corridor, km */
  minSharedKm?: number
  /** most places_along returned */
  maxPlaces?: number
}

const round1 = (x: number) => Math.round(x * 10) / 10

/** The full analysis of a line (LineString or MultiLineString given as its parts). */
export async function analyseLine(db: Db, geometry: LineString | MultiLineString, parts: Position[][], options: AnalysisOptions) {
  const { corridorKm, routeId, minSharedKm = 20, maxPlaces = 500 } = options
  const geojson = JSON.stringify(geometry)
  const lengths = partLengthsKm(parts)
  const maxAbsLat = Math.max(...parts.flat().map((p) => Math.abs(p[1])))

  // Independent queries go out together: the pg pool runs them on parallel connections, PGlite
  // queues them on its one connection. Only shared corridors wait for the corridor polygon.
  const corridorStep = db
    // simplify by a fiftieth of the corridor width: invisible in the buffer, far fewer segments
    .query<{ geojson: string; area_km2: number }>(sqlFile('analysis/corridor'), [geojson, corridorKm, corridorKm / 50 / 111.32, DENSIFY_STEP_DEG])
    .then(async ([corridor]) => ({
      corridor,
      shared: await db.query<{ id: string; name: string; family: string; kind: string; overlap_km: number; geometry: Geometry }>(
        sqlFile('analysis/shared-corridors'),
        [corridor.geojson, minSharedKm, routeId ?? null],
      ),
    }))
  const [[{ km: lengthKm }], countryRows, crossingRows, placeRows, { corridor, shared }, [{ km: inZoneKm }]] = await Promise.all([
    db.query<{ km: number }>(sqlFile('analysis/line-length'), [geojson]),
    db.query<CountryKmRow>(sqlFile('analysis/country-lengths'), [geojson]),
    borderCrossings(db, parts.map((coordinates, i) => ({ id: String(i), geometry: { type: 'LineString', coordinates } }))),
    db.query<PlaceRow>(sqlFile('analysis/places-along'), [geojson, corridorKm, degreeMargin(corridorKm, maxAbsLat)]),
    corridorStep,
    db.query<{ km: number }>(sqlFile('analysis/in-zone'), [geojson, OPERATIONAL_ZONE_ID]),
  ])

  const places = orderPlaces(parts, placeRows, lengths)
  return {
    length_km: round1(lengthKm),
    countries: countryShares(lengthKm, countryRows),
    border_crossings: orderCrossings(parts, crossingRows, lengths),
    places_along: places.slice(0, maxPlaces),
    places_truncated: places.length > maxPlaces,
    corridor: { corridor_km: corridorKm, area_km2: Math.round(corridor.area_km2), geometry: JSON.parse(corridor.geojson) as Geometry },
    shared_corridors: shared.map(({ geometry: overlap, overlap_km, ...route }) => ({
      ...route,
      overlap_km: round1(overlap_km),
      ...overlapExtent(parts, overlap, lengths),
    })),
    in_zone_km: round1(inZoneKm),
  }
}

export type LineAnalysis = Awaited<ReturnType<typeof analyseLine>>

/** Catalogue routes within radiusKm of a point, nearest first, with the nearest point on each. */
export async function routesNear(db: Db, at: Position, radiusKm: number) {
  const rows = await db.query<{ id: string; name: string; family: string; kind: string; distance_km: number; geometry: LineString }>(
    sqlFile('analysis/near'),
    [at[0], at[1], radiusKm],
  )
  return rows.map(({ geometry, distance_km, ...route }) => {
    const hit = locateAlong([geometry.coordinates], at)
    return { ...route, distance_km: round1(distance_km), nearest: { lng: hit.nearest[0], lat: hit.nearest[1] }, along_km: round1(hit.alongKm) }
  })
}

/** Whether two countries (a < b) share a land border. */
export async function borderExists(db: Db, a: string, b: string): Promise<boolean> {
  return (await db.query(sqlFile('analysis/border-exists'), [a, b])).length > 0
}

/** Every catalogue route crossing the a–b border (a < b), with its crossings of that border. */
export async function borderCrossingRoutes(db: Db, a: string, b: string) {
  const routes = await db.query<{ id: string; name: string; family: string; kind: string; direction: string; geometry: LineString }>(
    sqlFile('analysis/border-routes'),
    [a, b],
  )
  const rows = await borderCrossings(db, routes.map((r) => ({ id: r.id, geometry: r.geometry })))
  const out = []
  for (const { geometry, ...route } of routes) {
    const crossings = orderCrossings([geometry.coordinates], rows.filter((r) => r.id === route.id && r.a_iso3 === a && r.b_iso3 === b))
    if (crossings.length > 0) out.push({ ...route, crossings })
  }
  return out
}

/** Border crossing rows of many lines in one statement (border-crossings.sql), each with its line's id; none for an empty list. */
async function borderCrossings(db: Db, lines: readonly { id: string; geometry: LineString }[]): Promise<(CrossingRow & { id: string })[]> {
  if (lines.length === 0) return []
  return db.query(sqlFile('analysis/border-crossings'), [JSON.stringify(lines.map((l) => ({ id: l.id, geometry: l.geometry })))])
}

export interface LineFigures {
  length_km: number
  countries: CountryShare[]
  border_crossings: BorderCrossing[]
}

/** Length (km, geodesic), countries with their km and share, and border crossings in travel order of a catalogue line: the same figures as its full analysis, without the corridor. */
export async function lineFigures(db: Db, line: LineString): Promise<LineFigures> {
  const geojson = JSON.stringify(line)
  const [[{ km: lengthKm }], countryRows, crossingRows] = await Promise.all([
    db.query<{ km: number }>(sqlFile('analysis/line-length'), [geojson]),
    db.query<CountryKmRow>(sqlFile('analysis/country-lengths'), [geojson]),
    borderCrossings(db, [{ id: '', geometry: line }]),
  ])
  const parts = [line.coordinates]
  return { length_km: round1(lengthKm), countries: countryShares(lengthKm, countryRows), border_crossings: orderCrossings(parts, crossingRows, partLengthsKm(parts)) }
}

/** lineFigures of many catalogue lines in two statements run together (a report's route table), by id; the same figures, line for line. */
export async function lineFiguresOf(db: Db, lines: readonly { id: string; geometry: LineString }[]): Promise<Map<string, LineFigures>> {
  if (lines.length === 0) return new Map()
  const [rows, crossingRows] = await Promise.all([
    db.query<{ id: string; length_km: number; countries: CountryKmRow[] }>(sqlFile('analysis/line-figures'), [JSON.stringify(lines.map((l) => ({ id: l.id, geometry: l.geometry })))]),
    borderCrossings(db, lines),
  ])
  const byId = new Map(lines.map((l) => [l.id, l.geometry]))
  return new Map(
    rows.map((r) => {
      const parts = [byId.get(r.id)!.coordinates]
      const crossings = crossingRows.filter((c) => c.id === r.id)
      return [r.id, { length_km: round1(r.length_km), countries: countryShares(r.length_km, r.countries), border_crossings: orderCrossings(parts, crossings, partLengthsKm(parts)) }]
    }),
  )
}
