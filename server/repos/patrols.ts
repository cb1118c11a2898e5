// Patrol siting data: candidate cells filtered by PostGIS (border bands, countries, drawn and
// excluded polygons), incident and route demand, the country of demand cells, and saved plans.
import { ownerParams, type RecordOwner } from '../../shared/access.ts'
import type { LineString, MultiPolygon, Polygon, Position } from 'geojson'
import { sqlFile } from '../db/sql-files.ts'
import type { Db } from '../db/types.ts'
import { filterParams, originParam, type IncidentFilter } from './incidents.ts'
import { rollupAnswers, rollupCells, type SumField } from './hotspots.ts'

/** Planar buffer polygons (degrees) of the requested borders, each holding its borderKm band. */
export async function borderBands(db: Db, pairs: [string, string][], borderKm: number): Promise<{ pair: string; band: Polygon | MultiPolygon }[]> {
  return db.query(sqlFile('patrols/border-bands'), [pairs.map((p) => p[0]), pairs.map((p) => p[1]), borderKm])
}

/** Bounding box [west, south, east, north] of the given countries, or null. */
export async function countriesExtent(db: Db, iso3: string[]): Promise<[number, number, number, number] | null> {
  const [row] = await db.query<{ west: number; south: number; east: number; north: number }>(sqlFile('patrols/country-extent'), [iso3])
  return row ? [row.west, row.south, row.east, row.north] : null
}

export interface CandidateFilter {
  /** border pairs, each a < b */
  pairs: [string, string][] | null
  borderKm: number | null
  countries: string[] | null
  inside: Polygon | MultiPolygon | null
  outside: Polygon | MultiPolygon | null
}

/** Positions (into points) of the points passing every filter; the border test is exact on the sphere. */
export async function filterCandidates(db: Db, points: readonly Position[], f: CandidateFilter): Promise<number[]> {
  const rows = await db.query<{ i: number }>(sqlFile('patrols/candidates'), [
    points.map((p) => p[0]),
    points.map((p) => p[1]),
    f.pairs?.map((p) => p[0]) ?? null,
    f.pairs?.map((p) => p[1]) ?? null,
    f.borderKm,
    f.countries,
    f.inside ? JSON.stringify(f.inside) : null,
    f.outside ? JSON.stringify(f.outside) : null,
  ])
  return rows.map((r) => r.i)
}

/** Nearest border among the pairs (each a < b) of each site and its great-circle distance, km. */
export async function siteBorders(db: Db, sites: readonly Position[], pairs: [string, string][]): Promise<{ border_pair: string; border_km: number }[]> {
  const rows = await db.query<{ i: number; border_pair: string; border_km: number }>(sqlFile('patrols/site-borders'), [
    sites.map((p) => p[0]),
    sites.map((p) => p[1]),
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
  ])
  return rows
}

/** Incident demand per H3 cell (hex) and threat at h3Res (from the cell rollup when it can answer); value counts, or sums the field. */
export async function incidentDemand(db: Db, h3Res: number, filter: IncidentFilter, sum: SumField | null): Promise<{ h3: string; threat: string; n: number; value: number }[]> {
  if (rollupAnswers(h3Res, filter)) return incidentDemandFromRollup(db, h3Res, filter, sum)
  const [w, s, e, n, from, to, threats, sources, families] = filterParams(filter)
  return db.query(sqlFile('patrols/incident-demand'), [h3Res, w, s, e, n, from, to, threats, sources, families, sum, originParam(filter)])
}

/** incidentDemand from the cell rollup (hotspots.ts rollupAnswers says when it can answer). */
export async function incidentDemandFromRollup(db: Db, h3Res: number, filter: IncidentFilter, sum: SumField | null): Promise<{ h3: string; threat: string; n: number; value: number }[]> {
  return rollupCells(db, h3Res, filter, sum, 1, true)
}

/** Catalogue route lines of the given families (null = all). */
export async function routeLines(db: Db, families: string[] | null): Promise<{ id: string; family: string; geometry: LineString }[]> {
  return db.query(sqlFile('patrols/route-lines'), [families])
}

/** ISO3 of the country holding each point (undefined at sea), in the order given. */
export async function pointCountries(db: Db, points: readonly Position[]): Promise<(string | undefined)[]> {
  const rows = await db.query<{ i: number; iso3: string }>(sqlFile('patrols/point-countries'), [points.map((p) => p[0]), points.map((p) => p[1])])
  const out = new Array<string | undefined>(points.length)
  for (const r of rows) out[r.i] = r.iso3
  return out
}

export interface SavedPlan {
  id: number
  name: string
  request: unknown
  result: unknown
  created_at: string
}

/** Saves a plan with the request it answers; returns its id and creation time. */
export async function insertPlan(db: Db, name: string, request: unknown, result: unknown, owner: RecordOwner): Promise<{ id: number; created_at: string }> {
  const [row] = await db.query<{ id: number; created_at: string }>(sqlFile('patrols/plan-insert'), [name, JSON.stringify(request), JSON.stringify(result), ...ownerParams(owner)])
  return row
}

/** A saved plan by id, or null. */
export async function getPlan(db: Db, id: number): Promise<SavedPlan | null> {
  const [row] = await db.query<SavedPlan>(sqlFile('patrols/plan-get'), [id])
  return row ?? null
}

/** Id of the most recently saved plan the reader may see, or null. */
export async function latestPlanId(db: Db): Promise<number | null> {
  const [row] = await db.query<{ id: number }>(sqlFile('patrols/plan-latest'), [])
  return row?.id ?? null
}
