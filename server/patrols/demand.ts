// Demand cells of a plan: incidents aggregated on their stored H3 cells (per threat) and the
// route-km of the chosen families cut per cell, blended by the request's weights.
import { cellToLatLng } from 'h3-js'
import type { Position } from 'geojson'
import type { Db } from '../db/types.ts'
import { blendDemand, type BlendedDemand } from '../geo/coverage/demand.ts'
import { routeKmPerCell } from '../geo/coverage/route-demand.ts'
import { BadRequestError } from '../http-errors.ts'
import { incidentDemand, pointCountries, routeLines } from '../repos/patrols.ts'
import type { PlanRequest } from './types.ts'

export interface Demand extends BlendedDemand {
  /** cell centres, [lng, lat] */
  points: Position[]
  /** ISO3 of the country holding each cell centre (undefined at sea) */
  countries: (string | undefined)[]
}

/** The blended demand of a request; a 400 naming body.demand when there is none. */
export async function gatherDemand(db: Db, d: PlanRequest['demand']): Promise<Demand> {
  if (!d.incidents && !d.routes) throw new BadRequestError('body.demand', 'demand needs incidents, routes or both')
  const [incidents, lines] = await Promise.all([
    d.incidents ? incidentDemand(db, d.h3Res, d.incidents.filter, d.incidents.sum) : [],
    d.routes ? routeLines(db, d.routes.families) : [],
  ])
  const routeKm = routeKmPerCell(lines.map((l) => l.geometry.coordinates), d.h3Res)
  const blended = blendDemand(incidents, routeKm, d.incidents?.weight ?? 0, d.routes?.weight ?? 0)
  if (!blended.weights.some((w) => w > 0)) throw new BadRequestError('body.demand', 'no demand: no incident matches the filters and no route-km has weight')
  const points = blended.cells.map((h) => {
    const [lat, lng] = cellToLatLng(h)
    return [lng, lat]
  })
  return { ...blended, points, countries: await pointCountries(db, points) }
}
