// Blended demand per H3 cell: incident values (counts or a summed field, per threat) and
// route-km, each scaled to sum to its blend weight, so a weight of 1 on incidents and 0.5 on
// routes means "incidents matter twice as much as route-km" whatever the raw units.
export interface IncidentCellRow {
  h3: string
  threat: string
  value: number
}

export interface BlendedDemand {
  /** demand cells (hex), in a fixed order */
  cells: string[]
  /** blended weight of each cell */
  weights: Float64Array
  /** raw incident value and route-km of each cell */
  incidentValue: Float64Array
  routeKm: Float64Array
  /** raw incident value of each cell per threat */
  threatValue: Map<string, Float64Array>
  /** totals in raw units */
  incidentTotal: number
  routeKmTotal: number
}

/** Blends incident rows and route-km per cell with the given weights (a source with no data adds nothing). */
export function blendDemand(incidents: readonly IncidentCellRow[], routeKm: ReadonlyMap<string, number>, incidentWeight: number, routeWeight: number): BlendedDemand {
  if (!(incidentWeight >= 0 && routeWeight >= 0)) throw new Error(`demand weights must be non-negative, got ${incidentWeight} and ${routeWeight}`)
  const order = new Map<string, number>()
  const slot = (h3: string) => {
    let i = order.get(h3)
    if (i === undefined) order.set(h3, (i = order.size))
    return i
  }
  for (const r of incidents) slot(r.h3)
  for (const h3 of routeKm.keys()) slot(h3)
  const n = order.size
  const incidentValue = new Float64Array(n)
  const km = new Float64Array(n)
  const threatValue = new Map<string, Float64Array>()
  for (const r of incidents) {
    const i = slot(r.h3)
    incidentValue[i] += r.value
    let t = threatValue.get(r.threat)
    if (!t) threatValue.set(r.threat, (t = new Float64Array(n)))
    t[i] += r.value
  }
  for (const [h3, v] of routeKm) km[slot(h3)] += v
  const incidentTotal = incidentValue.reduce((a, b) => a + b, 0)
  const routeKmTotal = km.reduce((a, b) => a + b, 0)
  const a = incidentTotal > 0 ? incidentWeight / incidentTotal : 0
  const b = routeKmTotal > 0 ? routeWeight / routeKmTotal : 0
  const weights = Float64Array.from({ length: n }, (_, i) => a * incidentValue[i] + b * km[i])
  return { cells: [...order.keys()], weights, incidentValue, routeKm: km, threatValue, incidentTotal, routeKmTotal }
}
