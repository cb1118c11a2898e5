// The map state in the page's URL: read once on load (a bad value is dropped, noted, and its
// default used instead, so one stale parameter never blanks a shared link), and written back with
// history.replaceState as the user moves the map or changes layers, filters, title or language.

import {
  MapStateError, mapStateToParams, parseMapState, type MapState,
} from '../../../shared/map-state.ts'

/** A state read from a URL, with the fields whose values were refused and reset. */
export interface ReadState {
  state: MapState
  /** Fields named by `MapStateError`, in the order they were found. */
  problems: string[]
}

/** The query parameters that carry one `MapStateError` field, dropped together when it is refused. */
const PARAMS_OF_FIELD: Record<string, string[]> = {
  center: ['center', 'zoom'],
  zoom: ['center', 'zoom'],
  from: ['from', 'to'],
  to: ['from', 'to'],
  hres: ['hres'],
  hstat: ['hstat'],
}

/** Reads a map state from a query string (`?a=b&...`); refused parameters take their default. */
export function readMapState(search: string): ReadState {
  const params: Record<string, string> = Object.fromEntries(new URLSearchParams(search))
  const problems: string[] = []
  // Each pass drops the parameters of one refused field; there are fewer fields than passes.
  for (let pass = 0; pass < 20; pass++) {
    try {
      return { state: parseMapState(params), problems }
    } catch (error) {
      if (!(error instanceof MapStateError)) throw error
      problems.push(error.field)
      const drop = PARAMS_OF_FIELD[error.field] ?? [error.field]
      if (!drop.some((name) => name in params)) break
      for (const name of drop) delete params[name]
    }
  }
  return { state: parseMapState({}), problems }
}

/** The query string of a state, `?v=1&...`, in `mapStateToParams`'s order. */
export function mapStateSearch(state: MapState): string {
  return `?${new URLSearchParams(mapStateToParams(state))}`
}

/** The state with a centre-and-zoom view, rounded as `mapStateToParams` writes it. */
export function withCenterZoom(state: MapState, center: [number, number], zoom: number): MapState {
  return { ...state, view: { center: [+center[0].toFixed(5), +center[1].toFixed(5)], zoom: +zoom.toFixed(2) } }
}

/** The state with a bbox view [west, south, east, north], clamped to valid degrees and rounded. */
export function withBbox(state: MapState, bbox: readonly [number, number, number, number]): MapState {
  const [w, s, e, n] = bbox
  const clamp = (x: number, limit: number) => +Math.max(-limit, Math.min(limit, x)).toFixed(4)
  return { ...state, view: { bbox: [clamp(w, 180), clamp(s, 85), clamp(e, 180), clamp(n, 85)] } }
}
