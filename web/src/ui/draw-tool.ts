// The draw tool: a toolbar button that turns map clicks into the points of a line, shown as it
// grows; double-click or Finish ends it, Escape or Cancel drops it. The state lives in
// `map/draw-state.ts`; this module only binds it to the map and the toolbar.

import type * as maplibregl from 'maplibre-gl'
import type { LineString, Position } from 'geojson'
import { showSketch } from '../map/analysis-overlay.ts'
import { IDLE, canFinish, drawReducer, drawnLine, sketchFeatures, type DrawEvent, type DrawState } from '../map/draw-state.ts'
import { h } from './dom.ts'
import { S } from './strings.ts'

/** Two clicks closer than this, in CSS px, are one point (a double-click's jitter). */
const SAME_POINT_PX = 5

export interface DrawToolHandlers {
  /** Drawing starts: the caller closes whatever the panel showed. */
  onStart(): void
  /** A line of at least two points was finished. */
  onFinish(line: LineString): void
}

export interface DrawTool {
  /** Whether map clicks currently add points (route picking is off meanwhile). */
  isDrawing(): boolean
  /** Cancels a drawing or removes a finished line from the map. */
  clear(): void
}

/** Puts the draw controls into `container` and binds them to `map`. */
export function createDrawTool(map: maplibregl.Map, container: HTMLElement, handlers: DrawToolHandlers): DrawTool {
  let state: DrawState = IDLE
  let cursor: Position | undefined

  const startButton = h('button', { type: 'button', class: 'tool-button', id: 'draw-start', 'aria-pressed': 'false' }, S.drawButton)
  const finishButton = h('button', { type: 'button', class: 'tool-button is-primary', id: 'draw-finish', disabled: true }, S.drawFinish)
  const undoButton = h('button', { type: 'button', class: 'tool-button', id: 'draw-undo', disabled: true }, S.drawUndo)
  const cancelButton = h('button', { type: 'button', class: 'tool-button', id: 'draw-cancel' }, S.drawCancel)
  const hint = h('p', { class: 'draw-hint', role: 'status' }, S.drawHint)
  const drawingControls = h('div', { class: 'draw-controls', hidden: true }, hint, h('div', { class: 'draw-buttons' }, finishButton, undoButton, cancelButton))
  container.replaceChildren(startButton, drawingControls)

  function dispatch(event: DrawEvent): void {
    const before = state.mode
    state = drawReducer(state, event)
    const drawing = state.mode === 'drawing'
    if (before !== 'drawing' && drawing) map.doubleClickZoom.disable()
    if (before === 'drawing' && !drawing) map.doubleClickZoom.enable()
    map.getContainer().classList.toggle('is-drawing', drawing)
    startButton.setAttribute('aria-pressed', String(drawing))
    drawingControls.hidden = !drawing
    finishButton.disabled = !canFinish(state)
    undoButton.disabled = !(state.mode === 'drawing' && state.points.length > 0)
    showSketch(map, state.mode === 'idle' ? null : sketchFeatures(state, cursor))
    const line = before === 'drawing' ? drawnLine(state) : null
    if (line) handlers.onFinish(line)
  }

  startButton.addEventListener('click', () => {
    if (state.mode === 'drawing') return dispatch({ type: 'cancel' })
    handlers.onStart()
    cursor = undefined
    dispatch({ type: 'start' })
  })
  finishButton.addEventListener('click', () => dispatch({ type: 'finish' }))
  undoButton.addEventListener('click', () => dispatch({ type: 'undo' }))
  cancelButton.addEventListener('click', () => dispatch({ type: 'cancel' }))
  document.addEventListener('keydown', (event) => {
    if (state.mode === 'drawing' && event.key === 'Escape') dispatch({ type: 'cancel' })
  })

  map.on('click', (event) => {
    if (state.mode !== 'drawing') return
    const last = state.points.at(-1)
    if (last) {
      const lastPx = map.project(last as [number, number])
      if (Math.hypot(lastPx.x - event.point.x, lastPx.y - event.point.y) < SAME_POINT_PX) return
    }
    dispatch({ type: 'add', point: [round6(event.lngLat.lng), round6(event.lngLat.lat)] })
  })
  map.on('dblclick', (event) => {
    if (state.mode !== 'drawing') return
    event.preventDefault()
    dispatch({ type: 'finish' })
  })
  map.on('mousemove', (event) => {
    if (state.mode !== 'drawing') return
    cursor = [event.lngLat.lng, event.lngLat.lat]
    showSketch(map, sketchFeatures(state, cursor))
  })

  return {
    isDrawing: () => state.mode === 'drawing',
    clear() {
      if (state.mode !== 'idle') dispatch({ type: 'cancel' })
    },
  }
}

/** Degrees to 6 decimals (~0.1 m): more is noise from the mouse. */
function round6(degrees: number): number {
  return Math.round(degrees * 1e6) / 1e6
}
