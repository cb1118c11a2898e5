// The saved plan in the map state: `plan=<id>` and the `plan` layer, so a shared link reopens it.

import type { MapState } from '../../../shared/map-state.ts'
import { withLayer } from '../state/legend-state.ts'

/** The state showing saved plan `id`, or no plan for null. */
export function withPlanId(state: MapState, id: number | null): MapState {
  const plan = id === null ? null : String(id)
  if (state.plan === plan && state.layers.includes('plan') === (plan !== null)) return state
  return { ...state, plan, layers: withLayer(state.layers, 'plan', plan !== null) }
}

/** The saved plan id of a state (a positive integer), or null when it has none the service knows. */
export function planIdOf(state: MapState): number | null {
  if (state.plan === null || !/^[1-9]\d{0,9}$/.test(state.plan)) return null
  const id = Number(state.plan)
  return id <= 2147483647 ? id : null
}
