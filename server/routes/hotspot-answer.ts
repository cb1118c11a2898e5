// The cells of a GET /api/hotspots answer written straight to JSON text. The route's response
// schema serialiser (fast-json-stringify) takes ~1.6 s for the ~280,000 cells of Gi* at res 7
// over the zone, and building one object per cell first as long again; this writes the same
// bytes from the cell columns and the Gi* arrays in a fraction of that (hotspot-answer.test.ts
// checks it against the schema serialiser).
import { keyCell, unusedHexDigits } from '../../shared/cell-rings.ts'
import { hotspotClass, type GiStarArrays, type GiStarCell } from '../../shared/gistar.ts'
import type { CellColumns } from '../repos/hotspots.ts'

/** A JSON answer already serialised, as UTF-8 bytes: sendCachedJson sends them as they are. */
export class JsonText {
  constructor(readonly bytes: Buffer) {}
}

/** The hex H3 index of column cell i (the given string when the columns carry them). */
function cellAt(cells: CellColumns, i: number): string {
  return cells.h3 ? cells.h3[i] : keyCell(cells.keys[i], cells.res)
}

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1')
const CELL_OPEN = Buffer.from('{"h3":"', 'latin1')
const NEXT_CELL_OPEN = Buffer.from(',{"h3":"', 'latin1')
const VALUE_KEY = Buffer.from('","value":', 'latin1')
const N_KEY = Buffer.from(',"n":', 'latin1')
const CELL_CLOSE = Buffer.from('}', 'latin1')

/**
 * A growing byte buffer of ASCII JSON. Strings of ~280,000 cells joined and then encoded cost
 * about twice writing their bytes in place; the numbers are still written by V8 (String(x)), so
 * they are the shortest round-trip form JSON.stringify writes.
 */
class JsonBytes {
  buf: Buffer
  at = 0
  constructor(expected: number) {
    this.buf = Buffer.allocUnsafe(Math.max(256, expected))
  }
  /** Makes room for `more` bytes. */
  room(more: number): void {
    if (this.at + more <= this.buf.length) return
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + more))
    this.buf.copy(grown, 0, 0, this.at)
    this.buf = grown
  }
  /** Writes an ASCII string (keys, numbers, hex cells, class names). */
  ascii(s: string): void {
    this.room(s.length)
    this.at += this.buf.write(s, this.at, 'latin1')
  }
  /** Writes ASCII bytes already encoded (the short keys between values: cheaper than a string write). */
  lit(bytes: Uint8Array): void {
    this.room(bytes.length)
    const { buf } = this
    for (let i = 0; i < bytes.length; i++) buf[this.at++] = bytes[i]
  }
  /** Writes a number as JSON.stringify does: safe integers digit by digit, other numbers through String(). */
  num(x: number): void {
    if (!Number.isSafeInteger(x)) return this.ascii(String(x))
    this.room(17)
    const { buf } = this
    if (x < 0) {
      buf[this.at++] = 0x2d // '-'
      x = -x
    }
    let digits = 1
    for (let t = x; t >= 10; t = Math.floor(t / 10)) digits++
    for (let d = digits - 1; d >= 0; d--) {
      const q = Math.floor(x / 10)
      buf[this.at + d] = 0x30 + (x - q * 10)
      x = q
    }
    this.at += digits
  }
  /** Writes the hex H3 index of a cellKey at resolution res: its key digits, then the unused trailing digits as 'f'. */
  cell(key: number, res: number): void {
    const unused = unusedHexDigits(res)
    const digits = 15 - unused
    this.room(15)
    const hi = Math.floor(key / 4294967296)
    const lo = key >>> 0
    const { buf } = this
    for (let d = digits - 1; d >= 0; d--) buf[this.at++] = HEX_DIGITS[d >= 8 ? (hi >>> (4 * (d - 8))) & 15 : (lo >>> (4 * d)) & 15]
    for (let d = 0; d < unused; d++) buf[this.at++] = 0x66 // 'f'
  }
  bytes(): Buffer {
    return this.buf.subarray(0, this.at)
  }
}

/**
 * The `cells` array as the response schema writes it (keys h3, value, n and, with Gi*, z, p, q,
 * class; the zero-filled neighbours after the given cells with n = 0), as bytes, or null when a
 * number is one the schema serialiser writes otherwise (not finite, or a non-integer n): the
 * caller then serialises objects as before.
 */
export function cellsJson(cells: CellColumns, gi?: GiStarArrays): Buffer | null {
  const count = cells.keys.length
  const { n, values } = cells
  for (let i = 0; i < count; i++) if (!Number.isFinite(values[i]) || !Number.isInteger(n[i])) return null
  const total = gi ? gi.keys.length : count
  const out = new JsonBytes(total * (gi ? 140 : 48) + 2)
  out.ascii('[')
  // p, q and the class follow from z (q is one per distinct p): cells with equal z (many
  // zero-filled neighbours) share one written tail
  const tails = new Map<number, string>()
  for (let i = 0; i < total; i++) {
    out.lit(i === 0 ? CELL_OPEN : NEXT_CELL_OPEN)
    // the study area starts with the given cells, in their order: gi.keys[i] = cells.keys[i] below count
    if (i < count && cells.h3) out.ascii(cells.h3[i])
    else out.cell(gi ? gi.keys[i] : cells.keys[i], cells.res)
    const value = gi ? gi.values[i] : values[i]
    if (!Number.isFinite(value)) return null
    out.lit(VALUE_KEY)
    out.num(value)
    out.lit(N_KEY)
    out.num(i < count ? n[i] : 0)
    if (!gi) {
      out.lit(CELL_CLOSE)
      continue
    }
    const zi = gi.z[i]
    let tail = tails.get(zi)
    if (tail === undefined) {
      if (!Number.isFinite(zi) || !Number.isFinite(gi.p[i]) || !Number.isFinite(gi.q[i])) return null
      tail = `,"z":${zi},"p":${gi.p[i]},"q":${gi.q[i]},"class":"${hotspotClass(zi, gi.q[i])}"}`
      tails.set(zi, tail)
    }
    out.ascii(tail)
  }
  out.ascii(']')
  return out.bytes()
}

/** The Gi* cells as objects (the schema serialiser's input), n from the columns, 0 for the zero-filled neighbours. */
export function giStarCells(cells: CellColumns, gi: GiStarArrays): (GiStarCell & { n: number })[] {
  const count = cells.keys.length
  return Array.from(gi.keys, (key, i) => ({
    h3: i < count ? cellAt(cells, i) : keyCell(key, gi.res),
    value: gi.values[i],
    n: i < count ? cells.n[i] : 0,
    z: gi.z[i],
    p: gi.p[i],
    q: gi.q[i],
    class: hotspotClass(gi.z[i], gi.q[i]),
  }))
}

/** The count cells as objects (the schema serialiser's input). */
export function countCells(cells: CellColumns): { h3: string; value: number; n: number }[] {
  return Array.from(cells.keys, (_, i) => ({ h3: cellAt(cells, i), value: cells.values[i], n: cells.n[i] }))
}

/** The answer's JSON: `answer` (its cells empty) through the schema serialiser, the cells' bytes spliced in. */
export function spliceCells(serialised: string, cellsBytes: Buffer): JsonText {
  const at = serialised.indexOf('"cells":[]')
  if (at < 0) throw new Error('the serialised answer has no empty cells array')
  return new JsonText(Buffer.concat([Buffer.from(`${serialised.slice(0, at)}"cells":`), cellsBytes, Buffer.from(serialised.slice(at + '"cells":'.length + 2))]))
}
