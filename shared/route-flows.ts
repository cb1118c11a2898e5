// A route's published yearly figures (table route_flows, geodata/route-flows.json), as the API
// returns them and the route panel charts them.

/** One published yearly figure of a route, with its source (`GET /api/routes/:id/flows`). */
export interface RouteFlow {
  year: number
  metric: 'detections' | 'deaths' | 'flow_monitoring'
  value: number
  scope: string
  source: string
  source_year: number
  url: string
  licence: string
}

/** The metric that sets route line widths on the map and on static maps. */
export const WIDTH_METRIC = 'detections' as const

/** Extra line width, in CSS px at zoom 5 (static maps: in units of their scale), of the route with the year's largest flow. */
export const MAX_FLOW_EXTRA_PX = 6

/** The year whose flows set the line widths: the year of the end of the time range, or none when it is open. */
export function flowYear(time: { from: string | null; to: string | null }): number | null {
  return time.to ? Number(time.to.slice(0, 4)) : null
}

/** Each route's share (0..1) of the largest value, for the routes in `values`. */
export function flowShares(values: Readonly<Record<string, number>>): Map<string, number> {
  const max = Math.max(0, ...Object.values(values))
  return new Map(Object.entries(values).map(([id, v]) => [id, max > 0 ? v / max : 0]))
}
