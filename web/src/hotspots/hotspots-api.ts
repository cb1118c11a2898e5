// The hotspot, trend and incident answers the layer reads, typed, fetched from the same origin.

import type { Feature, FeatureCollection, Point } from 'geojson'
import type { HotspotClass } from '../../../shared/gistar.ts'
import { authHeaders } from '../auth/credentials.ts'
import { noteStatus } from '../auth/session.ts'

/** The credit line of a dataset with matching incidents; `url` its home page when known. */
export interface Credit {
  dataset: string
  credit: string
  url?: string | null
}

/** One H3 cell of `GET /api/hotspots`; z, p, q and class only with stat=gistar. */
export interface HotspotCell {
  h3: string
  value: number
  n: number
  z?: number
  p?: number
  q?: number
  class?: HotspotClass
}

export interface HotspotAnswer {
  res: number
  stat: string
  cells: HotspotCell[]
  credits: Credit[]
  note: string
}

/** One cell of `GET /api/hotspots/trends`. */
export interface TrendCell {
  h3: string
  n: number
  category: string
  trend: { s: number; z: number; p: number; tau: number } | null
  counts: number[]
  z: number[]
  states: number[]
}

export interface TrendAnswer {
  res: number
  bin: string
  bins: string[]
  cells: TrendCell[]
  credits: Credit[]
}

/** An incident's properties as `GET /api/incidents` returns them. */
export interface IncidentProperties {
  id: number
  source_dataset: string
  source_id: string
  date: string
  date_precision: 'day' | 'month' | 'year'
  threat: string
  dead: number | null
  missing: number | null
  dead_missing: number | null
  survivors: number | null
  quantity: number | null
  route: string | null
  route_family: string | null
  attrs: Record<string, unknown> | null
  credit: string
  /** received from a partner deployment: its member state and agency (null: made here) */
  origin_state?: string | null
  origin_agency?: string | null
}

export type IncidentFeature = Feature<Point, IncidentProperties>

export interface IncidentPage extends FeatureCollection<Point, IncidentProperties> {
  next_cursor: string | null
  credits: Credit[]
}

/** The dataset of the seeded synthetic incidents (server/geo/synthetic.ts). */
export const DEMO_DATASET = 'synthetic-demo'

/** GETs `url` (path and query) as JSON; throws with the service's message on a non-2xx answer. */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: 'application/json', ...authHeaders(url) } })
  if (!response.ok) {
    noteStatus(response.status)
    const body = await response.json().catch(() => null) as { message?: string } | null
    throw new Error(body?.message ?? `${response.status} ${response.statusText}`)
  }
  return response.json() as Promise<T>
}
