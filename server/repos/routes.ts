// The route catalogue as GeoJSON features.
import type { RouteFlow } from '../../shared/route-flows.ts'
import { ownerParams, type RecordOwner } from '../../shared/access.ts'
import type { Feature, LineString } from 'geojson'
import { sqlFile } from '../db/sql-files.ts'
import type { Db, Queryable } from '../db/types.ts'
import { bumpVersion } from './versions.ts'

export interface RouteFilter {
  family?: string
  kind?: string
  threat?: string
  /** ISO3 of a country the route's line crosses. */
  country?: string
  /** time range, inclusive YYYY-MM-DD: only routes whose period overlaps it */
  from?: string | null
  to?: string | null
}

interface RouteRow {
  id: string
  name: string
  family: string
  kind: string
  threats: string[]
  direction: string
  confidence: string
  countries: string[]
  props: Record<string, unknown>
  geometry: LineString
  length_km: number
}

export type RouteFeature = Feature<LineString, Record<string, unknown>> & { id: string }

/** Catalogue routes matching every given filter, by id. */
export async function listRoutes(db: Db, filter: RouteFilter = {}): Promise<RouteFeature[]> {
  const rows = await db.query<RouteRow>(sqlFile('routes/list'), [
    filter.family ?? null,
    filter.kind ?? null,
    filter.threat ?? null,
    filter.country ?? null,
    filter.from ?? null,
    filter.to ?? null,
  ])
  return rows.map(toFeature)
}

/** One route by id, or null. */
export async function getRoute(db: Db, id: string): Promise<RouteFeature | null> {
  const [row] = await db.query<RouteRow>(sqlFile('routes/get'), [id])
  return row ? toFeature(row) : null
}

function toFeature({ geometry, props, length_km, ...columns }: RouteRow): RouteFeature {
  return {
    type: 'Feature',
    id: columns.id,
    properties: { ...props, ...columns, length_km: Math.round(length_km * 10) / 10 },
    geometry,
  }
}

/** What an analyst sends to create or replace a route (already validated). */
export interface RouteInput {
  name: string
  family: string
  kind: string
  threats: string[]
  direction: string
  confidence: string
  geometry: LineString
  description?: string
  confidence_note?: string
  sources?: unknown[]
  waypoints?: unknown[]
  valid_from?: string | null
  valid_to?: string | null
  status?: string
}

/** Thrown when a new route's id is already taken (by a live or a deleted route). */
export class RouteIdTakenError extends Error {}

function toRow(id: string, input: RouteInput, countries: string[]) {
  const { geometry, name, family, kind, threats, direction, confidence, valid_from = null, valid_to = null, status = 'active', ...props } = input
  return { id, name, family, kind, threats, direction, confidence, countries, valid_from, valid_to, status, props: { sources: [], waypoints: [], ...props }, geom: geometry }
}

async function countriesAlong(tx: Queryable, line: LineString): Promise<string[]> {
  return (await tx.query<{ iso3: string }>(sqlFile('routes/countries-along'), [JSON.stringify(line)])).map((r) => r.iso3)
}

/** Creates a route; its first version goes to the history. */
export async function createRoute(db: Db, id: string, input: RouteInput, owner: RecordOwner): Promise<RouteFeature> {
  const taken = new RouteIdTakenError(`route id "${id}" is already taken`)
  await db.transaction(async (tx) => {
    if ((await tx.query(sqlFile('routes/state'), [id])).length > 0) throw taken
    // a route another agency keeps from this viewer may hold the id: the key still refuses it
    await tx.query(sqlFile('routes/insert'), [JSON.stringify(toRow(id, input, await countriesAlong(tx, input.geometry))), ...ownerParams(owner)]).catch((err: { code?: string }) => {
      throw err.code === '23505' ? taken : err
    })
    await tx.query(sqlFile('routes/record-version'), [id, 'create'])
    await bumpVersion(tx, 'routes')
  })
  return (await getRoute(db, id))!
}

/** Replaces a live route, keeping the previous versions; null when there is no such route. */
export async function updateRoute(db: Db, id: string, input: RouteInput): Promise<RouteFeature | null> {
  const updated = await db.transaction(async (tx) => {
    const rows = await tx.query(sqlFile('routes/update'), [JSON.stringify(toRow(id, input, await countriesAlong(tx, input.geometry))), id])
    if (rows.length === 0) return false
    await tx.query(sqlFile('routes/record-version'), [id, 'update'])
    await bumpVersion(tx, 'routes')
    return true
  })
  return updated ? getRoute(db, id) : null
}

/** Deletes a live route (its history stays); false when there is no such route. */
export async function deleteRoute(db: Db, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    if ((await tx.query(sqlFile('routes/delete'), [id])).length === 0) return false
    await tx.query(sqlFile('routes/record-version'), [id, 'delete'])
    await bumpVersion(tx, 'routes')
    return true
  })
}

/** Every version of a route, newest first (also for deleted routes); empty when the id was never used. */
export async function routeHistory(db: Db, id: string): Promise<Record<string, unknown>[]> {
  const rows = await db.query<Record<string, unknown> & { props: Record<string, unknown>; length_km: number }>(sqlFile('routes/history'), [id])
  return rows.map(({ props, length_km, ...r }) => ({ ...props, ...r, length_km: Math.round(length_km * 10) / 10 }))
}

export type { RouteFlow }

/** The published yearly figures of one route, by metric then year. */
export async function routeFlows(db: Db, id: string): Promise<RouteFlow[]> {
  return db.query<RouteFlow>(sqlFile('routes/flows'), [id])
}

/** Each route's figure of `metric` in `year`: route id to value. */
export async function flowsForYear(db: Db, year: number, metric: string): Promise<Map<string, number>> {
  const rows = await db.query<{ route_id: string; value: number }>(sqlFile('routes/flows-for-year'), [year, metric])
  return new Map(rows.map((r) => [r.route_id, r.value]))
}
