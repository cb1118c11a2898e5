import { describe, expect, it } from 'vitest'
import { IDLE, canFinish, drawReducer, drawnLine, sketchFeatures, type DrawEvent, type DrawState } from './draw-state.ts'

const run = (events: DrawEvent[], from: DrawState = IDLE) => events.reduce(drawReducer, from)
const add = (lng: number, lat: number): DrawEvent => ({ type: 'add', point: [lng, lat] })

describe('drawReducer', () => {
  it('collects clicked points in order once drawing has started', () => {
    expect(run([{ type: 'start' }, add(8, 17), add(12, 19)])).toEqual({ mode: 'drawing', points: [[8, 17], [12, 19]] })
  })

  it('ignores clicks before drawing starts', () => {
    expect(run([add(8, 17)])).toEqual(IDLE)
  })

  it('keeps one point for the two clicks of a double-click', () => {
    expect(run([{ type: 'start' }, add(8, 17), add(12, 19), add(12, 19)])).toEqual({ mode: 'drawing', points: [[8, 17], [12, 19]] })
  })

  it('removes the last point on undo', () => {
    expect(run([{ type: 'start' }, add(8, 17), add(12, 19), { type: 'undo' }])).toEqual({ mode: 'drawing', points: [[8, 17]] })
  })

  it('does not finish a line of fewer than two points', () => {
    const state = run([{ type: 'start' }, add(8, 17), { type: 'finish' }])
    expect(state).toEqual({ mode: 'drawing', points: [[8, 17]] })
    expect(canFinish(state)).toBe(false)
  })

  it('finishes with the points as a LineString', () => {
    const state = run([{ type: 'start' }, add(8, 17), add(12, 19), add(14, 23), { type: 'finish' }])
    expect(state.mode).toBe('done')
    expect(drawnLine(state)).toEqual({ type: 'LineString', coordinates: [[8, 17], [12, 19], [14, 23]] })
  })

  it('goes back to idle on cancel, points dropped', () => {
    expect(run([{ type: 'start' }, add(8, 17), add(12, 19), { type: 'cancel' }])).toEqual(IDLE)
  })

  it('starts afresh after a finished line', () => {
    expect(run([{ type: 'start' }, add(8, 17), add(12, 19), { type: 'finish' }, { type: 'start' }])).toEqual({ mode: 'drawing', points: [] })
  })
})

describe('drawnLine', () => {
  it('is null while drawing', () => {
    expect(drawnLine(run([{ type: 'start' }, add(8, 17), add(12, 19)]))).toBeNull()
  })
})

describe('sketchFeatures', () => {
  it('shows the line, a segment to the cursor and every point while drawing', () => {
    const sketch = sketchFeatures(run([{ type: 'start' }, add(8, 17), add(12, 19)]), [13, 20])
    expect(sketch.features.map((f) => f.properties.role)).toEqual(['line', 'rubber', 'vertex', 'vertex'])
    expect(sketch.features[1].geometry).toEqual({ type: 'LineString', coordinates: [[12, 19], [13, 20]] })
  })

  it('shows only the first point and the cursor segment after one click', () => {
    const sketch = sketchFeatures(run([{ type: 'start' }, add(8, 17)]), [9, 18])
    expect(sketch.features.map((f) => f.properties.role)).toEqual(['rubber', 'vertex'])
  })

  it('drops the cursor segment once the line is done', () => {
    const sketch = sketchFeatures(run([{ type: 'start' }, add(8, 17), add(12, 19), { type: 'finish' }]), [13, 20])
    expect(sketch.features.map((f) => f.properties.role)).toEqual(['line', 'vertex', 'vertex'])
  })

  it('is empty when idle', () => {
    expect(sketchFeatures(IDLE, [1, 1]).features).toEqual([])
  })
})
