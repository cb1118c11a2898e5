// The draw tool's state machine: idle → drawing (points clicked so far) → done (a line to
// analyse), or back to idle on cancel. Pure: map events go in, the sketch to draw comes out.

import type { Feature, FeatureCollection, LineString, Point, Position } from 'geojson'

export type DrawState =
  | { mode: 'idle' }
  | { mode: 'drawing'; points: Position[] }
  | { mode: 'done'; points: Position[] }

export type DrawEvent =
  | { type: 'start' }
  | { type: 'add'; point: Position }
  | { type: 'undo' }
  | { type: 'finish' }
  | { type: 'cancel' }

/** What a sketch feature shows: the line so far, the segment to the cursor, or a clicked point. */
export type SketchRole = 'line' | 'rubber' | 'vertex'

export const IDLE: DrawState = { mode: 'idle' }

const samePosition = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1]

/** The state after `event`; events that do not apply to the current mode change nothing. */
export function drawReducer(state: DrawState, event: DrawEvent): DrawState {
  switch (event.type) {
    case 'start':
      return { mode: 'drawing', points: [] }
    case 'cancel':
      return IDLE
    case 'add': {
      if (state.mode !== 'drawing') return state
      const last = state.points.at(-1)
      // The two clicks of a double-click land on the same point: keep one.
      if (last && samePosition(last, event.point)) return state
      return { mode: 'drawing', points: [...state.points, [event.point[0], event.point[1]]] }
    }
    case 'undo':
      if (state.mode !== 'drawing' || state.points.length === 0) return state
      return { mode: 'drawing', points: state.points.slice(0, -1) }
    case 'finish':
      return canFinish(state) ? { mode: 'done', points: state.points } : state
  }
}

/** Whether `finish` would end the drawing: at least two distinct points are needed for a line. */
export function canFinish(state: DrawState): state is { mode: 'drawing'; points: Position[] } {
  return state.mode === 'drawing' && state.points.length >= 2
}

/** The finished line, in [lng, lat] degrees, or null until the drawing is done. */
export function drawnLine(state: DrawState): LineString | null {
  return state.mode === 'done' ? { type: 'LineString', coordinates: state.points } : null
}

/** What the sketch source shows: the line, a segment to `cursor` while drawing, and the points. */
export function sketchFeatures(state: DrawState, cursor?: Position): FeatureCollection<LineString | Point, { role: SketchRole }> {
  if (state.mode === 'idle') return { type: 'FeatureCollection', features: [] }
  const features: Feature<LineString | Point, { role: SketchRole }>[] = []
  const { points } = state
  if (points.length >= 2) features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: points }, properties: { role: 'line' } })
  const last = points.at(-1)
  if (state.mode === 'drawing' && last && cursor && !samePosition(last, cursor)) {
    features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [last, cursor] }, properties: { role: 'rubber' } })
  }
  for (const point of points) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: point }, properties: { role: 'vertex' } })
  return { type: 'FeatureCollection', features }
}
