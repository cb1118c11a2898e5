// The query strings of the hotspot, trend and incident requests for a map state: the state's
// threats, sources, route families, origin and time range become the API's `threat`, `source`,
// `route_family`, `origin`, `from` and `to` (lists comma-separated; an empty list means all).

import type { MapState } from '../../../shared/map-state.ts'

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number]

/** The incident filters of a state, as API query parameters (absent when unset). */
export function filterParams(state: MapState): Record<string, string> {
  const p: Record<string, string> = {}
  const { threats, sources, families } = state.filters
  if (threats.length) p.threat = threats.join(',')
  if (sources.length) p.source = sources.join(',')
  if (families.length) p.route_family = families.join(',')
  if (state.filters.origin) p.origin = state.filters.origin
  if (state.time.from) p.from = state.time.from
  if (state.time.to) p.to = state.time.to
  return p
}

/** A bbox written as the API reads it, clamped to valid degrees, 4 decimals (~10 m). */
export function bboxParam(bbox: Bbox): string {
  const [w, s, e, n] = bbox
  const c = (x: number, limit: number) => +Math.max(-limit, Math.min(limit, x)).toFixed(4)
  return [c(w, 180), c(s, 90), c(e, 180), c(n, 90)].join(',')
}

function query(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined)
  return new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()
}

/** The vector tile URL template of the count view; `res` only when pinned (else the service follows z). */
export function hotspotTilesUrl(origin: string, state: MapState): string {
  const q = query({ ...filterParams(state), res: state.hotspots.res ?? undefined })
  return `${origin}/tiles/hotspots/{z}/{x}/{y}.mvt${q ? `?${q}` : ''}`
}

/** `GET /api/hotspots` for the state's filters at `res` over `bbox`. */
export function hotspotsUrl(state: MapState, options: { res: number; stat: 'none' | 'gistar'; bbox?: Bbox }): string {
  return `/api/hotspots?${query({ res: options.res, stat: options.stat, bbox: options.bbox && bboxParam(options.bbox), ...filterParams(state) })}`
}

/** `GET /api/hotspots/trends` for the state's filters. */
export function trendsUrl(state: MapState, options: { res: number; bin: 'month' | 'quarter'; bbox?: Bbox }): string {
  return `/api/hotspots/trends?${query({ res: options.res, bin: options.bin, bbox: options.bbox && bboxParam(options.bbox), ...filterParams(state) })}`
}

/** `GET /api/incidents` for the state's filters over `bbox`, one page. */
export function incidentsUrl(state: MapState, options: { bbox: Bbox; limit: number; cursor?: string | null }): string {
  return `/api/incidents?${query({ bbox: bboxParam(options.bbox), ...filterParams(state), limit: options.limit, cursor: options.cursor ?? undefined })}`
}
