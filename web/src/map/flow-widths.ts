// Line width by flow for a chosen year: the year is the end of the map state's time range; each
// route with a published figure that year gets a feature-state `flowShare` (its value over the
// year's largest, 0..1) that the route layers add to their width.

import type * as maplibregl from 'maplibre-gl'
import { fetchFlowsForYear } from '../api.ts'
import { ROUTES_SOURCE } from './route-layers.ts'

/** The year whose flows set the line widths: the end of the time range, or none when it is open. */
export function flowYear(time: { from: string | null; to: string | null }): number | null {
  return time.to ? Number(time.to.slice(0, 4)) : null
}

/** Each route's share (0..1) of the largest value, for the routes in `values`. */
export function flowShares(values: Readonly<Record<string, number>>): Map<string, number> {
  const max = Math.max(0, ...Object.values(values))
  return new Map(Object.entries(values).map(([id, v]) => [id, max > 0 ? v / max : 0]))
}

let shown = new Set<string>()

/** Sets (or clears) the routes' flow widths for the year of `time`; resolves to the year used. */
export async function applyFlowWidths(map: maplibregl.Map, time: { from: string | null; to: string | null }): Promise<number | null> {
  const year = flowYear(time)
  const shares = year === null ? new Map<string, number>() : flowShares(await fetchFlowsForYear(year).catch(() => ({})))
  for (const id of shown) if (!shares.has(id)) map.setFeatureState({ source: ROUTES_SOURCE, id }, { flowShare: 0 })
  for (const [id, share] of shares) map.setFeatureState({ source: ROUTES_SOURCE, id }, { flowShare: share })
  shown = new Set(shares.keys())
  return year
}
