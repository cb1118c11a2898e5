// Line width by flow for a chosen year: the year is the end of the map state's time range; each
// route with a published figure that year gets a feature-state `flowShare` (its value over the
// year's largest, 0..1) that the route layers add to their width.

import type * as maplibregl from 'maplibre-gl'
import { fetchFlowsForYear } from '../api.ts'
import { ROUTES_SOURCE } from './route-layers.ts'
import { flowShares, flowYear, WIDTH_METRIC } from '../../../shared/route-flows.ts'

let shown = new Set<string>()

/** Sets (or clears) the routes' flow widths for the year of `time`; resolves to the year used and how many routes have a figure. */
export async function applyFlowWidths(map: maplibregl.Map, time: { from: string | null; to: string | null }): Promise<{ year: number | null; routes: number }> {
  const year = flowYear(time)
  const shares = year === null ? new Map<string, number>() : flowShares(await fetchFlowsForYear(year, WIDTH_METRIC).catch(() => ({})))
  for (const id of shown) if (!shares.has(id)) map.setFeatureState({ source: ROUTES_SOURCE, id }, { flowShare: 0 })
  for (const [id, share] of shares) map.setFeatureState({ source: ROUTES_SOURCE, id }, { flowShare: share })
  shown = new Set(shares.keys())
  return { year, routes: shares.size }
}
