// The cells of a GET /api/hotspots answer written straight to JSON text. The route's response
// schema serialiser (fast-json-stringify) takes ~1.6 s for the ~280,000 cells of Gi* at res 7
// over the zone, and building one object per cell first as long again; this writes the same
// bytes from the aggregates and the Gi* arrays in a fraction of that (hotspot-answer.test.ts
// checks it against the schema serialiser).
import { hotspotClass, type GiStarArrays, type GiStarCell } from '../../shared/gistar.ts'
import type { CellAggregate } from '../repos/hotspots.ts'

/** A JSON answer already serialised: sendCachedJson sends its text as it is. */
export class JsonText {
  constructor(readonly text: string) {}
}

/**
 * The `cells` array as the response schema writes it (keys h3, value, n and, with Gi*, z, p, q,
 * class; the zero-filled neighbours after the given cells with n = 0), or null when a number is
 * one the schema serialiser writes otherwise (not finite, or a non-integer n): the caller then
 * serialises objects as before.
 */
export function cellsJson(cells: readonly CellAggregate[], gi?: GiStarArrays): string | null {
  const total = gi ? gi.cells.length : cells.length
  const parts: string[] = new Array(total)
  for (let i = 0; i < cells.length; i++) {
    const { value, n } = cells[i]
    if (!Number.isFinite(value) || !Number.isInteger(n)) return null
  }
  if (!gi) {
    for (let i = 0; i < cells.length; i++) {
      const { h3, value, n } = cells[i]
      parts[i] = `{"h3":${JSON.stringify(h3)},"value":${value},"n":${n}}`
    }
    return `[${parts.join(',')}]`
  }
  const { z, p, q, values } = gi
  // p, q and the class follow from z (q is one per distinct p): cells with equal z (most
  // zero-filled neighbours) share one written tail
  const tails = new Map<number, string>()
  for (let i = 0; i < total; i++) {
    const zi = z[i]
    let tail = tails.get(zi)
    if (tail === undefined) {
      if (!Number.isFinite(zi) || !Number.isFinite(p[i]) || !Number.isFinite(q[i])) return null
      tail = `,"z":${zi},"p":${p[i]},"q":${q[i]},"class":"${hotspotClass(zi, q[i])}"}`
      tails.set(zi, tail)
    }
    if (!Number.isFinite(values[i])) return null
    parts[i] = i < cells.length ? `{"h3":${JSON.stringify(cells[i].h3)},"value":${values[i]},"n":${cells[i].n}${tail}` : `{"h3":${JSON.stringify(gi.cells[i])},"value":${values[i]},"n":0${tail}`
  }
  return `[${parts.join(',')}]`
}

/** The Gi* cells as objects (the schema serialiser's input), n from the aggregates, 0 for the zero-filled neighbours. */
export function giStarCells(cells: readonly CellAggregate[], gi: GiStarArrays): (GiStarCell & { n: number })[] {
  return gi.cells.map((h3, i) => ({ h3, value: gi.values[i], n: i < cells.length ? cells[i].n : 0, z: gi.z[i], p: gi.p[i], q: gi.q[i], class: hotspotClass(gi.z[i], gi.q[i]) }))
}

/** The answer's JSON: `answer` (its cells empty) through the schema serialiser, the cells spliced in. */
export function spliceCells(serialised: string, cellsText: string): JsonText {
  const at = serialised.indexOf('"cells":[]')
  if (at < 0) throw new Error('the serialised answer has no empty cells array')
  return new JsonText(`${serialised.slice(0, at)}"cells":${cellsText}${serialised.slice(at + '"cells":[]'.length)}`)
}
