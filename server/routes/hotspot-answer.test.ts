import fc from 'fast-check'
import fastJsonStringify from 'fast-json-stringify'
import { gridDisk, latLngToCell } from 'h3-js'
import { describe, expect, it } from 'vitest'
import { cellKeys, giStar, giStarColumns } from '../../shared/gistar.ts'
import type { CellColumns } from '../repos/hotspots.ts'
import { answerJson, cellsJson, countCells, giStarCells } from './hotspot-answer.ts'
import { HotspotsAnswer } from './hotspots.ts'

// the route's response serialiser, as Fastify compiles it (fast-json-stringify, default options)
const serialise = fastJsonStringify(HotspotsAnswer as object)
const head = { res: 7, metric: 'count', stat: 'gistar', credits: [{ dataset: 'd', credit: 'c "quoted"', url: null }], note: 'aggregated to H3 cells by Sahel Routes' }

// random cells of one resolution with counts and a metric: integers, fractions, zeros
const answers = fc
  .record({
    res: fc.integer({ min: 3, max: 8 }),
    points: fc.uniqueArray(fc.tuple(fc.double({ min: 0, max: 25, noNaN: true }), fc.double({ min: -17, max: 25, noNaN: true }), fc.nat(500), fc.oneof(fc.nat(1000), fc.double({ min: 0, max: 1e7, noNaN: true }), fc.maxSafeInteger(), fc.constantFrom(-0, -1, -12.5, 1e21, 2 ** 53))), {
      maxLength: 80,
      selector: ([lat, lng]) => `${lat},${lng}`,
    }),
    k: fc.integer({ min: 1, max: 3 }),
    fdr: fc.boolean(),
  })
  .map(({ res, points, k, fdr }) => {
    const byCell = new Map(points.map(([lat, lng, n, value]) => [latLngToCell(lat, lng, res), { n: n + 1, value }]))
    return { cells: [...byCell].map(([h3, { n, value }]) => ({ h3, n, value })), k, fdr }
  })

/** The cells as the route gets them: columns, with their hex strings (rows) or keys alone (the packed zone read). */
function columns(cells: readonly { h3: string; n: number; value: number }[], withStrings: boolean): CellColumns {
  const { res, keys } = cellKeys(cells.map((c) => c.h3))
  return { res: cells.length ? res : 7, keys, n: Float64Array.from(cells, (c) => c.n), values: Float64Array.from(cells, (c) => c.value), h3: withStrings ? cells.map((c) => c.h3) : undefined }
}

const gistar = (cols: CellColumns, k: number, fdr: boolean) => giStarColumns(cols.res, cols.keys, cols.values, { k, fdr })

describe('hotspot answer JSON', () => {
  it('writes count answers byte for byte as the response schema does', () => {
    fc.assert(
      fc.property(answers, fc.boolean(), ({ cells }, withStrings) => {
        const text = answerJson(serialise({ ...head, stat: 'none', cells: [] }), columns(cells, withStrings))
        expect(text).not.toBeNull()
        expect(text!.bytes.toString()).toBe(serialise({ ...head, stat: 'none', cells }))
        expect(cellsJson(columns(cells, withStrings))!.toString()).toBe(JSON.stringify(cells.map((c) => ({ h3: c.h3, value: c.value, n: c.n }))))
        expect(serialise({ ...head, stat: 'none', cells: countCells(columns(cells, withStrings)) })).toBe(serialise({ ...head, stat: 'none', cells }))
      }),
    )
  })

  it('writes Gi* answers byte for byte as the schema did from the objects of before (giStar, n from a Map)', () => {
    fc.assert(
      fc.property(answers, fc.boolean(), ({ cells, k, fdr }, withStrings) => {
        const n = new Map(cells.map((c) => [c.h3, c.n]))
        const before = serialise({ ...head, cells: giStar(cells, { k, fdr }).map((g) => ({ ...g, n: n.get(g.h3) ?? 0 })) })
        const cols = columns(cells, withStrings)
        const gi = gistar(cols, k, fdr)
        expect(answerJson(serialise({ ...head, cells: [] }), cols, gi)!.bytes.toString()).toBe(before)
        // the fallback objects serialise the same
        expect(serialise({ ...head, cells: giStarCells(cols, gi) })).toBe(before)
      }),
      { numRuns: 60 },
    )
  })

  it('writes a hot cluster with its classes as the schema does', () => {
    const centre = latLngToCell(16.97, 7.99, 7)
    const cells = gridDisk(centre, 3).map((h3, i) => ({ h3, n: i < 7 ? 50 : 1, value: i < 7 ? 50 : 1 }))
    const cols = columns(cells, false)
    const gi = gistar(cols, 1, true)
    const text = answerJson(serialise({ ...head, cells: [] }), cols, gi)!.bytes.toString()
    expect(JSON.parse(text).cells.filter((c: { class: string }) => c.class === 'hot_99').length).toBeGreaterThan(0)
    expect(text).toBe(serialise({ ...head, cells: giStarCells(cols, gi) }))
  })

  it('writes any z, p and q as the schema does: rounded to their decimals, or not (huge, tiny, -0, halves)', () => {
    const centre = latLngToCell(16.97, 7.99, 7)
    const cells = gridDisk(centre, 1).map((h3) => ({ h3, n: 1, value: 1 }))
    const cols = columns(cells, false)
    const base = giStarColumns(cols.res, cols.keys, cols.values, { fillNeighbours: false })
    const any = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.double({ min: -1e-3, max: 1e-3, noNaN: true }),
      fc.integer({ min: -1e9, max: 1e9 }).map((u) => u / 1e4),
      fc.integer({ min: 0, max: 1e6 }).map((u) => u / 1e6),
      fc.integer({ min: -1e15, max: 1e15 }).map((u) => u / 1e4),
      fc.integer({ min: -1e8, max: 1e8 }).map((u) => (u + 0.5) / 1e4),
      fc.constantFrom(-0, 0, 1, 1e-6, 1e-7, 5e-7, 0.1 + 0.2, 1e15, 1e21, 2 ** 53, -(2 ** 53) / 1e4, Number.MAX_VALUE, Number.MIN_VALUE),
    )
    fc.assert(
      fc.property(fc.array(fc.tuple(any, any, any), { minLength: 7, maxLength: 7 }), (zpq) => {
        const gi = { ...base, of: Int32Array.from(zpq, (_, i) => i), z: Float64Array.from(zpq, (t) => t[0]), p: Float64Array.from(zpq, (t) => t[1]), q: Float64Array.from(zpq, (t) => t[2]) }
        const text = answerJson(serialise({ ...head, cells: [] }), cols, gi)!.bytes.toString()
        expect(text).toBe(serialise({ ...head, cells: giStarCells(cols, gi) }))
      }),
      { numRuns: 400, examples: [[new Array(7).fill([-1.2345678901234567e-300, -1.2345678901234567e-300, -1.2345678901234567e-300])]] },
    )
  })

  it('leaves numbers it cannot write as the schema would to the schema', () => {
    expect(cellsJson(columns([{ h3: '85283473fffffff', n: 1.5, value: 1 }], true))).toBeNull()
    expect(cellsJson(columns([{ h3: '85283473fffffff', n: 1, value: Infinity }], false))).toBeNull()
  })
})
