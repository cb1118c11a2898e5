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
